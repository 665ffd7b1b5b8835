package main

import "fmt"

func main() {
	x := 1
	func() { x = 2 }()
	y := 1
	func() { _ = y }()
	var z int
	z = 3
	w := 0
	w++
	fmt.Println("unreachable")
}
