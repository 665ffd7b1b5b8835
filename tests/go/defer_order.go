package main

import "fmt"

func trace(name string) func() {
	fmt.Println("enter", name)
	return func() { fmt.Println("leave", name) }
}

func work() {
	defer trace("work")()
	x := 1
	defer fmt.Println("deferred x =", x)
	x = 2
	defer func() { fmt.Println("closure x =", x) }()
	x = 3
	fmt.Println("body x =", x)
}

func main() {
	defer fmt.Println("main: last")
	for i := range 3 {
		defer fmt.Println("loop defer", i)
	}
	work()
	fmt.Println("main: body done")
}
