package main

import "fmt"

func main() {
	for i := range 4 {
		fmt.Print(i, ",")
	}
	fmt.Println()
	n := 3
	total := 0
	for i := range n {
		total += i
	}
	fmt.Println(total)
	for range 0 {
		fmt.Println("never")
	}
	var k int8 = 3
	for i := range k {
		fmt.Printf("%T %d\n", i, i)
	}
	for i := range -2 {
		fmt.Println("never either", i)
	}
}
