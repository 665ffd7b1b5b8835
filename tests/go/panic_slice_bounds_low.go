package main

import "fmt"

func window(s string, lo, hi int) string {
	return s[lo:hi]
}

func main() {
	fmt.Println(window("goroutine", 2, 6))
	fmt.Println(window("goroutine", 4, 2))
}
