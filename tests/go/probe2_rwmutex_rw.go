package main

import (
	"fmt"
	"sync"
	"time"
)

type Cache struct {
	mu   sync.RWMutex
	data map[string]string
}

func (c *Cache) Get(k string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[k]
	return v, ok
}

func (c *Cache) Set(k, v string) {
	c.mu.Lock()
	c.data[k] = v
	c.mu.Unlock()
}

func main() {
	c := &Cache{data: map[string]string{}}
	var wg sync.WaitGroup
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i) * 100 * time.Millisecond)
			v, ok := c.Get("x")
			fmt.Printf("reader %d: %q %v\n", i, v, ok)
		}()
	}
	time.Sleep(150 * time.Millisecond)
	c.Set("x", "hello")
	fmt.Println("writer set x")
	wg.Wait()
	c.mu.RLock()
	c.mu.RLock()
	fmt.Println("two read locks held", len(c.data))
	c.mu.RUnlock()
	c.mu.RUnlock()
}
