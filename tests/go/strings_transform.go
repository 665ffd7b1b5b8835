package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "Hello, Gophers! Hello!"
	fmt.Println(strings.Replace(s, "Hello", "Salut", 1))
	fmt.Println(strings.Replace(s, "l", "L", -1))
	fmt.Println(strings.ReplaceAll(s, "Hello", "Bye"))
	fmt.Println(strings.ToUpper("héllo wörld"), strings.ToLower("ÉCOLE Go"))
	fmt.Printf("%q\n", strings.TrimSpace("  \t padded \n "))
	fmt.Printf("%q\n", strings.Trim("xxhixyx", "xy"))
	fmt.Printf("%q\n", strings.TrimPrefix("prefix-body", "prefix-"))
	fmt.Printf("%q\n", strings.TrimPrefix("body", "prefix-"))
	fmt.Printf("%q\n", strings.TrimSuffix("file.go", ".go"))
	fmt.Printf("%q\n", strings.Trim("  both  ", " "))
}
