package main

import "fmt"

func f(a, b int) int {
	return a + b
}

func main() {
	fmt.Println(f(1))
}
