package main

import "fmt"

type T struct {
	a int
	t T
}

type A struct{ b B }
type B struct{ a A }

func main() {
L:
	for i := 0; i < 2; i++ {
	}
	x := 1
	switch x {
	case 1, 2:
	case 1:
	}
	s := "a"
	switch s {
	case "a", "a":
	}
	fmt.Println()
}
