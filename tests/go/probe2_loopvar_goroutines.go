package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	a := make([]int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); a[i] = i * 10 }()
	}
	b := make([]string, 3)
	for i, s := range []string{"x", "y", "z"} {
		wg.Add(1)
		go func() { defer wg.Done(); b[i] = s + s }()
	}
	c := make([]int, 4)
	for i := range 4 {
		wg.Add(1)
		go func() { defer wg.Done(); c[i] = i * i }()
	}
	m := map[string]int{"k1": 1, "k2": 2}
	got := make(chan string, 2)
	for k, v := range m {
		wg.Add(1)
		go func() { defer wg.Done(); got <- fmt.Sprint(k, "=", v) }()
	}
	d := make([]int, 3)
	i := 0
	for i < 3 {
		j := i
		wg.Add(1)
		go func() { defer wg.Done(); d[j] = j + 100 }()
		i++
	}
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
		i += 0
	}
	wg.Wait()
	x, y := <-got, <-got
	fmt.Println(a, b, c, d, x != y, len(x))
	fmt.Println(fs[0](), fs[1](), fs[2]())
}
