package main

import "fmt"

type T struct{ f int }

func main() {
	a := 1
	a := 2
	var t T
	t.f := 3
	b, a := 3, 4
	fmt.Println(a, b, t)
}
