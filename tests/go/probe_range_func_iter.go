package main

import "fmt"

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("stopped at", i)
				return
			}
		}
	}
}

func pairs(yield func(string, int) bool) {
	_ = yield("a", 1) && yield("b", 2)
}

func main() {
	for v := range count(5) {
		if v == 2 {
			break
		}
		fmt.Println("v", v)
	}
	for k, v := range pairs {
		fmt.Println(k, v)
	}
}
