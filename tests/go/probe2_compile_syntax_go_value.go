package main

import "fmt"

func compute(n int) int { return n * 2 }

func main() {
	x := go compute(3)
	fmt.Println(x)
}
