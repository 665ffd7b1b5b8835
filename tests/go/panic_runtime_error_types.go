package main

import "fmt"

type I interface{ M() }

func try(name string, f func()) {
	defer func() {
		r := recover()
		err, ok := r.(error)
		fmt.Printf("%s: %T | %v | %v\n", name, r, ok, err)
	}()
	f()
}

func main() {
	var s []int
	i, z := 5, 0
	var m map[string]int
	var p *struct{ X int }
	var e any = "str"
	try("index", func() { _ = s[i] })
	try("slice", func() { _ = s[1:i] })
	try("string", func() { _ = "ab"[i] })
	try("divide", func() { _ = i / z })
	try("nil map", func() { m["a"] = 1 })
	try("nil pointer", func() { _ = p.X })
	try("assert", func() { _ = e.(int) })
	try("assert iface", func() { _ = e.(I) })
	try("close closed", func() { c := make(chan int); close(c); close(c) })
	try("close nil", func() { var c chan int; close(c) })
	try("send closed", func() { c := make(chan int, 1); close(c); c <- 1 })
	try("makeslice", func() { _ = make([]int, i-10) })
	try("shift", func() { _ = 1 << (i - 10) })
	try("panic nil", func() { panic(nil) })
	try("custom", func() { panic(fmt.Errorf("wrapped: %w", fmt.Errorf("inner"))) })
}
