package main

import "fmt"

func add(a, b int) int { return a + b }

func divmod(a, b int) (int, int) { return a / b, a % b }

func split(sum int) (x, y int) {
	x = sum * 4 / 9
	y = sum - x
	return
}

func sum(label string, nums ...int) string {
	total := 0
	for _, n := range nums {
		total += n
	}
	return fmt.Sprintf("%s: %d numbers, total %d", label, len(nums), total)
}

func apply(f func(int, int) int, a, b int) int { return f(a, b) }

func fact(n int) int {
	if n <= 1 {
		return 1
	}
	return n * fact(n-1)
}

func main() {
	fmt.Println(add(2, 3))
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	fmt.Println(split(17))
	fmt.Println(sum("none"))
	fmt.Println(sum("three", 1, 2, 3))
	xs := []int{10, 20, 30, 40}
	fmt.Println(sum("spread", xs...))
	fmt.Println(apply(add, 4, 5), apply(func(a, b int) int { return a * b }, 4, 5))
	_, r2 := divmod(-7, 2)
	fmt.Println(r2, -7/2, fact(10))
}
