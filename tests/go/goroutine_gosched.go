package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var mu sync.Mutex
	ready := false
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		ready = true
		mu.Unlock()
	}()
	spins := 0
	for {
		mu.Lock()
		r := ready
		mu.Unlock()
		if r {
			break
		}
		spins++
		runtime.Gosched()
	}
	wg.Wait()
	fmt.Println("ready after yielding:", spins >= 0)
	runtime.Gosched()
	fmt.Println("done")
}
