package main

import "fmt"

func main() {
	s := "Gopher"
	fmt.Printf("%s|%q|%v|%10s|%-10s|%.3s|%5.2s|\n", s, s, s, s, s, s, s)
	fmt.Printf("%q|%q|%q\n", "tab\there", `back\slash`, "é\n")
	fmt.Printf("%x|% x|%X\n", s, s, "é")
	fmt.Printf("%s|%v|%q\n", []string{"a", "b"}, []string{"c"}, []string{"d", "e f"})
	fmt.Printf("%t|%v|%5t|\n", true, false, true)
	fmt.Printf("%T|%T|%T|%T|%T\n", s, 'r', []any{1}, map[string][]int{}, struct{ A int }{})
	fmt.Printf("100%%\n")
}
