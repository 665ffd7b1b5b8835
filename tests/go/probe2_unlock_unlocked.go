package main

import (
	"fmt"
	"sync"
)

type SafeCounter struct {
	mu sync.Mutex
	n  int
}

func (c *SafeCounter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	if c.n == 3 {
		c.mu.Unlock()
	}
}

func main() {
	var c SafeCounter
	for range 5 {
		c.Inc()
		fmt.Println("n =", c.n)
	}
}
