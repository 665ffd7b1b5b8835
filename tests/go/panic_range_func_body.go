package main

import "fmt"

func seq(yield func(int) bool) {
	for i := 0; i < 3; i++ {
		if !yield(i) {
			return
		}
	}
}

func main() {
	total := 0
	for x := range seq {
		total += x
		fmt.Println("x", x, "total", total)
		if x == 1 {
			var m map[string]int
			m["x"] = x
		}
	}
	fmt.Println("unreachable")
}
