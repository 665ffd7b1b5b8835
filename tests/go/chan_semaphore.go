package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	sem := make(chan struct{}, 2)
	var mu sync.Mutex
	running, peak := 0, 0
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			mu.Lock()
			running++
			peak = max(peak, running)
			mu.Unlock()
			time.Sleep(60 * time.Millisecond)
			mu.Lock()
			running--
			mu.Unlock()
			_ = i
		}()
	}
	wg.Wait()
	fmt.Println("peak concurrency:", peak)
	fmt.Println("still running:", running, "slots used:", len(sem), "of", cap(sem))
}
