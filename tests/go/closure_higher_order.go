package main

import (
	"fmt"
	"strings"
)

func mapInts(xs []int, f func(int) int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func filter(xs []string, keep func(string) bool) []string {
	var out []string
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func multiplier(k int) func(int) int { return func(x int) int { return x * k } }

func main() {
	nums := []int{1, 2, 3, 4}
	fmt.Println(mapInts(nums, multiplier(3)))
	fmt.Println(mapInts(nums, func(x int) int { return x * x }))
	words := []string{"go", "rust", "gopher", "c"}
	fmt.Println(filter(words, func(w string) bool { return strings.HasPrefix(w, "go") }))
	ops := map[string]func(int, int) int{
		"add": func(a, b int) int { return a + b },
		"sub": func(a, b int) int { return a - b },
	}
	fmt.Println(ops["add"](5, 3), ops["sub"](5, 3))
	var nothing func()
	fmt.Println(nothing == nil)
	fmt.Printf("%T\n", multiplier)
}
