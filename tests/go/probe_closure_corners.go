package main

import "fmt"

type Op struct {
	name string
	fn   func(int) int
}

func makeAdders() (func(int), func() int) {
	total := 0
	return func(n int) { total += n }, func() int { return total }
}

func main() {
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	fmt.Println(fib(15))
	add, get := makeAdders()
	add(3)
	add(4)
	fmt.Println(get())
	x := 1
	inc := func() { x++ }
	inc()
	inc()
	fmt.Println(x)
	ops := []Op{}
	for _, k := range []int{2, 3} {
		ops = append(ops, Op{fmt.Sprint("mul", k), func(v int) int { return v * k }})
	}
	for _, o := range ops {
		fmt.Println(o.name, o.fn(10))
	}
	compose := func(fs ...func(int) int) func(int) int {
		return func(v int) int {
			for _, f := range fs {
				v = f(v)
			}
			return v
		}
	}
	fmt.Println(compose(ops[0].fn, ops[1].fn, func(v int) int { return v - 1 })(1))
	counter := func() func() int {
		c := 0
		return func() int { c++; return c }
	}()
	counter()
	fmt.Println(counter(), counter())
	y := 10
	defer func() { fmt.Println("deferred sees", y) }()
	y = 30
	fmt.Println(func(a, b int) int { return a * b }(6, 7))
}
