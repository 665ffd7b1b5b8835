package main

import (
	"fmt"
	"strings"
	"sync"
)

func main() {
	words := []string{"go", "rust", "python", "c"}
	upper := make([]string, len(words))
	lengths := make(map[string]int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, w := range words {
		wg.Go(func() {
			upper[i] = strings.ToUpper(w)
			mu.Lock()
			lengths[w] = len(w)
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Println(upper)
	fmt.Println(lengths)
	var wg2 sync.WaitGroup
	total := 0
	for n := range 5 {
		wg2.Add(1)
		go func(k int) {
			defer wg2.Done()
			mu.Lock()
			defer mu.Unlock()
			total += k
		}(n)
	}
	wg2.Wait()
	fmt.Println("total", total)
}
