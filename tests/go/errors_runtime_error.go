package main

import (
	"errors"
	"fmt"
	"runtime"
)

type myErr struct{}

func (myErr) Error() string { return "mine" }

func classify(f func()) {
	defer func() {
		r := recover()
		switch e := r.(type) {
		case runtime.Error:
			e.RuntimeError()
			var target runtime.Error
			fmt.Printf("runtime.Error %T: %v (As: %t)\n", e, e, errors.As(e, &target))
		case error:
			fmt.Printf("error %T: %v\n", e, e)
		default:
			fmt.Printf("value %T: %v\n", e, e)
		}
	}()
	f()
}

func main() {
	var s []int
	var m map[string]int
	var p *struct{ n int }
	var i any = "text"
	ch := make(chan int)
	close(ch)
	zero := 0
	classify(func() { _ = s[2] })
	classify(func() { m["k"] = 1 })
	classify(func() { _ = p.n })
	classify(func() { _ = i.(int) })
	classify(func() { ch <- 1 })
	classify(func() { _ = 7 / zero })
	classify(func() { panic(myErr{}) })
	classify(func() { panic("plain") })
	_, ok := any(myErr{}).(runtime.Error)
	fmt.Println("myErr is a runtime.Error:", ok)
}
