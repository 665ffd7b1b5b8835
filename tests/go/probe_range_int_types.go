package main

import "fmt"

func main() {
	var n int64 = 3
	for i := range n {
		fmt.Printf("%T%v ", i, i)
	}
	fmt.Println()
	type U uint8
	for i := range U(2) {
		fmt.Printf("%T ", i)
	}
	fmt.Println()
	const c = 2
	for i := range c {
		fmt.Printf("%T ", i)
	}
	for i := range len("héllo") {
		if i == 4 {
			fmt.Println(i)
		}
	}
	var f float64
	for range 3 {
		f += 0.5
	}
	fmt.Println(f)
	for i := range 0 {
		fmt.Println("never", i)
	}
	for i := range -2 {
		fmt.Println("never", i)
	}
	x := 3
	for i := range x {
		x = 10
		fmt.Print(i, x, " ")
	}
	fmt.Println()
}
