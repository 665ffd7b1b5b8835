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
	defer c.mu.Unlock()
	c.data[k] = v
}

func main() {
	c := &Cache{data: map[string]string{}}
	c.Set("lang", "go")
	var wg sync.WaitGroup
	start := time.Now()
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.mu.RLock()
			time.Sleep(100 * time.Millisecond)
			c.mu.RUnlock()
		}()
	}
	wg.Wait()
	fmt.Println("readers overlapped:", time.Since(start) < 300*time.Millisecond)
	v, ok := c.Get("lang")
	fmt.Println(v, ok)
	_, ok = c.Get("missing")
	fmt.Println(ok)
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Set(fmt.Sprint("k", i), "v")
		}()
	}
	wg.Wait()
	fmt.Println(len(c.data))
}
