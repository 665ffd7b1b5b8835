package main

import "fmt"

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("seq", n, "done")
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func work() (out []string) {
	defer func() { out = append(out, "last") }()
	for i := range seq(3) {
		defer fmt.Println("deferred", i, float64(i)/2)
		for j := range seq(2) {
			defer func() { out = append(out, fmt.Sprint(i, j)) }()
		}
		if i == 1 {
			break
		}
	}
	fmt.Println("after loop")
	return []string{"r"}
}

func square(x float64) { fmt.Println("square", x*x) }

func main() {
	fmt.Println(work())
	func() {
		for x := range seq(2) {
			defer square(float64(x) + 0.5)
		}
		fmt.Println("end of func")
	}()
	func() {
		defer func() { fmt.Println("recovered", recover()) }()
		for x := range seq(3) {
			defer fmt.Println("d", x)
			if x == 1 {
				panic("stop")
			}
		}
	}()
}
