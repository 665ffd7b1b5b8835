package main

import "fmt"

func main() {
	fmt.Println(min(3, 1, 2), max(3, 1, 2))
	fmt.Println(min(2.5, 1.5), max(2.5, 10))
	fmt.Println(min("pomme", "banane", "cerise"), max("pomme", "banane", "cerise"))
	x, y := 7, -4
	fmt.Println(min(x), max(x, y), min(x, y, 0))
	var f float64 = 3
	fmt.Println(max(f, 2.75), min(f, 1))
	fmt.Printf("%T %T\n", max(1, 2.0), min(x, 9))
}
