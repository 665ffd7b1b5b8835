package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		r := recover()
		if err, ok := r.(error); ok {
			fmt.Println(name, "error:", err)
		} else {
			fmt.Println(name, "value:", r)
		}
	}()
	f()
}

type T struct{ n int }

func (t *T) Get() int { return t.n }

type I interface{ Get() int }

func main() {
	s := []int{1, 2, 3, 4}
	n := -1
	k := 5
	var fn func()
	var tp *T
	var i I
	var a any = "str"
	try("shift", func() { fmt.Println(1 << n) })
	try("cap", func() { fmt.Println(s[:k]) })
	try("slice3", func() { fmt.Println(s[1:2:k]) })
	try("inverted", func() { fmt.Println(s[3 : n+3]) })
	try("nilfunc", func() { fn() })
	try("nilmethod", func() { fmt.Println(tp.Get()) })
	try("niliface", func() { fmt.Println(i.Get()) })
	try("assert", func() { fmt.Println(a.(int)) })
	try("assertI", func() { fmt.Println(a.(I)) })
	try("str index", func() { fmt.Println("abc"[k]) })
	try("make", func() { fmt.Println(make([]int, n)) })
	try("array", func() {
		var arr [3]int
		fmt.Println(arr[k%4])
	})
	try("custom", func() { panic(T{3}) })
	try("nilmap ok", func() {
		var m map[string]int
		fmt.Println(m["x"], len(m))
		delete(m, "x")
	})
}
