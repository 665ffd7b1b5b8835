package main

import "fmt"

func fib(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		a, b := 0, 1
		for range n {
			out <- a
			a, b = b, a+b
		}
	}()
	return out
}

func take(in <-chan int, n int) []int {
	var res []int
	for v := range in {
		if len(res) == n {
			break
		}
		res = append(res, v)
	}
	return res
}

func counter() func() int {
	c := 0
	return func() int {
		c++
		return c
	}
}

func main() {
	fmt.Println(take(fib(10), 20))
	fmt.Println(take(fib(10), 5))
	next := counter()
	done := make(chan int)
	for range 3 {
		go func() { done <- 1 }()
		<-done
		next()
	}
	fmt.Println(next())
}
