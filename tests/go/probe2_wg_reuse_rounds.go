package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for round := 1; round <= 3; round++ {
		for w := range round * 2 {
			wg.Add(1)
			go func(id int) {
				defer wg.Done()
				mu.Lock()
				total += id + round
				mu.Unlock()
			}(w)
		}
		wg.Wait()
		fmt.Printf("round %d: total=%d\n", round, total)
	}
}
