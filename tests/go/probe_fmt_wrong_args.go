package main

import "fmt"

type T struct {
	A int
	B string
}

func main() {
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%z %!\n", 3)
	fmt.Printf("%s\n", nil)
	fmt.Printf("%d\n", T{1, "b"})
	fmt.Printf("%s\n", T{1, "b"})
	fmt.Printf("%x\n", T{255, "b"})
	fmt.Printf("%.2f %f\n", 3, "x")
	fmt.Printf("%c %q\n", "x", 65)
	fmt.Printf("%!d %%%d\n", 5)
	fmt.Printf("%[2]d %[1]s\n", "a", 2)
	fmt.Printf("%*d|%-*d|\n", 5, 42, 4, 7)
	fmt.Printf("%v %v\n", []string{"a"}, [2]bool{})
	fmt.Println(fmt.Sprintf("%d%%", 50))
	fmt.Printf("%t\n", 1)
	fmt.Printf("%e %g %G\n", 123456.789, 1e21, 1e-7)
}
