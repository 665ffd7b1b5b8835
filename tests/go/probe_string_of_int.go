package main

import "fmt"

func main() {
	n := 65
	s := string(n)
	fmt.Println(s, string(rune(n)))
	fmt.Println(string(rune(-1)) == "\uFFFD")
}
