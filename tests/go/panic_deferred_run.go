package main

import "fmt"

func level(n int) {
	defer fmt.Println("unwinding level", n)
	if n == 3 {
		var arr []int
		fmt.Println(arr[n])
	}
	level(n + 1)
}

func main() {
	defer fmt.Println("main's defer still runs")
	level(1)
}
