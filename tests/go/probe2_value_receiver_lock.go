package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c Counter) IncWrong() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *Counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func main() {
	var c Counter
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(2)
		go func() { defer wg.Done(); c.IncWrong() }()
		go func() { defer wg.Done(); c.Inc() }()
	}
	wg.Wait()
	fmt.Println("count:", c.n)
}
