package main

import "fmt"

func two() (int, string) { return 1, "a" }

func one() int { return 1 }

func main() {
	a := two()
	b, c := one()
	var d, e int = two()
	f, g, h := two()
	fmt.Println(a, b, c, d, e, f, g, h)
}
