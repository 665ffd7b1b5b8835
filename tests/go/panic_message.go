package main

import "fmt"

func check(n int) {
	if n > 2 {
		panic("n is too big")
	}
	fmt.Println("n =", n)
}

func main() {
	for i := range 5 {
		check(i)
	}
}
