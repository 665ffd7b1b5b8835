package main

import (
	"fmt"
	"sync"
)

type Stats struct {
	mu     sync.Mutex
	counts map[string]int
	total  int
}

func (s *Stats) Add(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counts[key]++
	s.total++
}

func main() {
	s := Stats{counts: make(map[string]int)}
	var wg sync.WaitGroup
	keys := []string{"red", "green", "blue"}
	for i := 0; i < 1000; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Add(keys[i%len(keys)])
		}()
	}
	wg.Wait()
	fmt.Println(s.counts, s.total)
	fmt.Println(len(s.counts), s.counts["red"]+s.counts["blue"])
}
