package main

import (
	"fmt"
	"sync"
)

type Store struct {
	mu   sync.RWMutex
	data map[string]int
}

func (s *Store) Get(k string) int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.data[k]
}

func (s *Store) Inc(k string) {
	s.mu.Lock()
	s.data[k]++
	s.mu.Unlock()
}

func main() {
	s := &Store{data: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Go(func() { s.Inc(fmt.Sprint("k", i%3)) })
	}
	wg.Wait()
	fmt.Println(s.Get("k0"), s.Get("k1"), s.Get("k2"), s.data)
	var once sync.Once
	count := 0
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { count++ })
		}()
	}
	wg.Wait()
	once.Do(func() { count += 100 })
	fmt.Println("count", count)
	var mu sync.Mutex
	total := 0
	add := func(n int) {
		mu.Lock()
		defer mu.Unlock()
		total += n
	}
	for i := 1; i <= 10; i++ {
		wg.Go(func() { add(i) })
	}
	wg.Wait()
	fmt.Println("total", total, mu.TryLock(), mu.TryLock())
}
