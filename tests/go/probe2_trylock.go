package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	fmt.Println(mu.TryLock())
	fmt.Println(mu.TryLock())
	mu.Unlock()
	go func() {
		mu.Lock()
		time.Sleep(100 * time.Millisecond)
		mu.Unlock()
	}()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("busy:", !mu.TryLock())
	time.Sleep(100 * time.Millisecond)
	ok := mu.TryLock()
	fmt.Println("free:", ok)
	var rw sync.RWMutex
	fmt.Println(rw.TryRLock(), rw.TryRLock(), rw.TryLock())
	rw.RUnlock()
	rw.RUnlock()
	fmt.Println(rw.TryLock())
}
