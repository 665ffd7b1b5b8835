package main

import "fmt"

func double(n int) int {
	return n * 2
}

func main() {
	fmt.Println(double("21"))
	s := "x"
	fmt.Println(double(s))
	fmt.Println(double(2.5))
}
