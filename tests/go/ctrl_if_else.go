package main

import "fmt"

func classify(n int) string {
	if n < 0 {
		return "negative"
	} else if n == 0 {
		return "zero"
	} else if n%2 == 0 {
		return "even"
	} else {
		return "odd"
	}
}

func lookup(m map[string]int, k string) {
	if v, ok := m[k]; ok {
		fmt.Println(k, "found", v)
	} else {
		fmt.Println(k, "missing", v)
	}
}

func main() {
	for _, n := range []int{-5, 0, 4, 7} {
		fmt.Println(n, classify(n))
	}
	m := map[string]int{"a": 1}
	lookup(m, "a")
	lookup(m, "b")
	if x := 10; x > 5 && x < 20 {
		fmt.Println("in range", x)
	}
	ok := false
	if !ok {
		fmt.Println("not ok")
	}
}
