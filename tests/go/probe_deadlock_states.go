package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.RWMutex
	var wg sync.WaitGroup
	a := make(chan int)
	b := make(chan int, 1)
	b <- 1
	var once sync.Once
	mu.Lock()
	wg.Add(1)
	go func() { mu.RLock() }()
	time.Sleep(50 * time.Millisecond)
	go func() { b <- 2 }()
	time.Sleep(50 * time.Millisecond)
	go func() {
		select {
		case <-a:
		case a <- 1:
		}
	}()
	time.Sleep(50 * time.Millisecond)
	go func() {
		for range a {
		}
	}()
	time.Sleep(50 * time.Millisecond)
	go func() { once.Do(func() { wg.Wait() }) }()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("main locks")
	mu.Lock()
}
