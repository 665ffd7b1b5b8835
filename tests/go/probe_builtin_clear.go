package main

import "fmt"

func main() {
	m := map[string]int{"a": 1, "b": 2}
	s := []int{1, 2, 3}
	t := s[:2]
	clear(m)
	clear(t)
	fmt.Println(m, len(m), s, len(t))
	m["c"] = 3
	fmt.Println(m)
}
