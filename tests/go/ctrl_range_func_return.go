package main

import "fmt"

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				fmt.Println("seq stop", n, i)
				return
			}
		}
	}
}

func search(target int) (a, b int, ok bool) {
	for i := range seq(4) {
		for j := range seq(4) {
			if i*j == target {
				return i, j, true
			}
		}
	}
	return
}

func sumUntil(limit int) (sum int) {
	for x := range seq(10) {
		sum += x
		if sum > limit {
			return
		}
	}
	return -1
}

func main() {
	fmt.Println(search(6))
	fmt.Println(search(7))
	fmt.Println(sumUntil(5), sumUntil(100))
	var funcs []func() int
	for x := range seq(3) {
		funcs = append(funcs, func() int { return x * 10 })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	ch := make(chan int)
	go func() {
		for x := range seq(3) {
			ch <- x * x
		}
		close(ch)
	}()
	for v := range ch {
		fmt.Println("got", v)
	}
}
