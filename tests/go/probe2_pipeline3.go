package main

import "fmt"

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, n := range nums {
			out <- n
		}
		close(out)
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			out <- n * n
		}
	}()
	return out
}

func evens(in <-chan int) <-chan int {
	out := make(chan int, 2)
	go func() {
		defer close(out)
		for {
			n, ok := <-in
			if !ok {
				return
			}
			if n%2 == 0 {
				out <- n
			}
		}
	}()
	return out
}

func main() {
	for v := range evens(square(gen(1, 2, 3, 4, 5, 6))) {
		fmt.Print(v, " ")
	}
	fmt.Println()
	c := evens(square(gen()))
	v, ok := <-c
	fmt.Println(v, ok)
}
