package main

import "fmt"

type T struct{ Name string }

func main() {
	t := T{"a"}
	fmt.Println(t.Nme)
	var n int = 3
	var f float64 = 2
	if n == f {
		fmt.Println("eq")
	}
	var s string
	if s == nil {
		fmt.Println("nil")
	}
	var i int = nil
	fmt.Println(n+"x", i)
}
