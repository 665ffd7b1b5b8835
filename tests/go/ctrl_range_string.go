package main

import "fmt"

func main() {
	s := "aé世!"
	for i, r := range s {
		fmt.Printf("%d:%c(%d) ", i, r, r)
	}
	fmt.Println()
	for i := 0; i < len(s); i++ {
		fmt.Printf("%x ", s[i])
	}
	fmt.Println()
	count := 0
	for range s {
		count++
	}
	fmt.Println(count, len(s))
	for _, r := range "Go" {
		fmt.Printf("%T %q %U\n", r, r, r)
	}
	bad := "a\xffb"
	for i, r := range bad {
		fmt.Println(i, r)
	}
}
