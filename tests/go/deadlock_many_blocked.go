package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	in := make(chan int)
	out := make(chan int)
	wg.Add(4)
	go func() {
		defer wg.Done()
		in <- 1
	}()
	time.Sleep(50 * time.Millisecond)
	go func() {
		defer wg.Done()
		<-out
	}()
	time.Sleep(50 * time.Millisecond)
	mu.Lock()
	go func() {
		defer wg.Done()
		mu.Lock()
	}()
	time.Sleep(50 * time.Millisecond)
	go func() {
		defer wg.Done()
		select {}
	}()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("main waits")
	wg.Wait()
}
