package main

import (
	"errors"
	"fmt"
	"sync"
)

func main() {
	calls := 0
	f := sync.OnceFunc(func() { calls++; fmt.Println("init", calls) })
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(f)
	}
	wg.Wait()
	f()
	fmt.Println("calls:", calls)
	v := sync.OnceValue(func() []string { fmt.Println("computing"); return []string{"a", "b"} })
	fmt.Println(v(), len(v()))
	pair := sync.OnceValues(func() (int, error) { return 42, errors.New("late") })
	n, err := pair()
	fmt.Println(n, err)
	fmt.Printf("%T %T %T\n", f, v, pair)
	p := sync.OnceFunc(func() { panic("boom") })
	for i := range 2 {
		func() {
			defer func() { fmt.Println("recovered", i, recover()) }()
			p()
		}()
	}
	q := sync.OnceValue(func() int {
		defer fmt.Println("deferred in f")
		return 7
	})
	fmt.Println(q() + q())
}
