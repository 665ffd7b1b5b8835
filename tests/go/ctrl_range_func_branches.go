package main

import "fmt"

type List struct{ items []string }

func (l *List) All() func(func(int, string) bool) {
	return func(yield func(int, string) bool) {
		for i, s := range l.items {
			if !yield(i, s) {
				return
			}
		}
	}
}

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("count done", n)
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func twice(yield func() bool) {
	_ = yield() && yield()
}

func main() {
	l := &List{items: []string{"a", "b", "c", "d"}}
	for i, s := range l.All() {
		if s == "b" {
			continue
		}
		if i == 3 {
			break
		}
		fmt.Println(i, s)
	}
outer:
	for i := range count(3) {
		for j := range count(3) {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println("pair", i, j)
		}
	}
	n := 0
	for range twice {
		n++
	}
	var k int
	var v string
	for k, v = range l.All() {
	}
	fmt.Println(n, k, v)
}
