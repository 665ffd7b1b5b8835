package main

import "fmt"

func main() {
	x := 1
	add := func(n int) { x += n }
	show := func() { fmt.Println("x =", x) }
	add(5)
	show()
	x = 100
	show()
	total := 0
	apply := func(fs ...func(int) int) {
		for _, f := range fs {
			total = f(total)
		}
	}
	apply(func(t int) int { return t + 3 }, func(t int) int { return t * 7 })
	fmt.Println(total)
	result := func(a, b int) int { return a*a + b }(3, 4)
	fmt.Println(result)
	var rec func(int) int
	rec = func(n int) int {
		if n == 0 {
			return 0
		}
		return n + rec(n-1)
	}
	fmt.Println(rec(10))
}
