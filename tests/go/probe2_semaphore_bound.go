package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	sem := make(chan struct{}, 3)
	var mu sync.Mutex
	var wg sync.WaitGroup
	active, maxActive := 0, 0
	done := make([]bool, 10)
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			mu.Lock()
			active++
			if active > maxActive {
				maxActive = active
			}
			mu.Unlock()
			time.Sleep(100 * time.Millisecond)
			mu.Lock()
			active--
			done[i] = true
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("max active:", maxActive, "active now:", active)
	fmt.Println(done)
	fmt.Println(len(sem), cap(sem))
}
