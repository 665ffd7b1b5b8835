package main

import "fmt"

func ignoresStop(yield func(int) bool) {
	yield(1)
	yield(2)
}

var saved func(int) bool

func keeps(yield func(int) bool) {
	saved = yield
	yield(1)
}

func swallows(yield func(int) bool) {
	defer func() { recover() }()
	yield(1)
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: %T %v\n", name, r, r)
	}()
	f()
}

func main() {
	try("ignores stop", func() {
		for x := range ignoresStop {
			fmt.Println(x)
			break
		}
	})
	try("keeps", func() {
		for x := range keeps {
			fmt.Println(x)
		}
		saved(5)
	})
	try("swallows", func() {
		for x := range swallows {
			panic(x)
		}
	})
	try("fine", func() {
		for x := range ignoresStop {
			fmt.Println("fine", x)
		}
	})
}
