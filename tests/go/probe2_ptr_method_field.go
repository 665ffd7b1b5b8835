package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *Counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

type Server struct {
	hits   Counter
	errors Counter
	byPath map[string]*Counter
}

func main() {
	s := Server{byPath: map[string]*Counter{"/": {}, "/api": {}}}
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.hits.Inc()
			if i%10 == 0 {
				s.errors.Inc()
			}
			if i%2 == 0 {
				s.byPath["/"].Inc()
			} else {
				s.byPath["/api"].Inc()
			}
		}()
	}
	wg.Wait()
	fmt.Println(s.hits.Value(), s.errors.Value(), s.byPath["/"].n, s.byPath["/api"].Value())
	arr := [3]Counter{}
	for i := range arr {
		wg.Add(1)
		go func() { defer wg.Done(); arr[i].Inc(); arr[i].Inc() }()
	}
	wg.Wait()
	fmt.Println(arr[0].n, arr[1].n, arr[2].Value())
}
