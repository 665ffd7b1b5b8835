package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func main() {
	fmt.Println("start:", runtime.NumGoroutine())
	block := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-block
		}()
	}
	time.Sleep(50 * time.Millisecond)
	fmt.Println("blocked:", runtime.NumGoroutine())
	close(block)
	wg.Wait()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("after close:", runtime.NumGoroutine())
	leak := make(chan int)
	go func() { leak <- 1 }()
	go func() { select {} }()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("leaked:", runtime.NumGoroutine())
	fmt.Println("cpus > 0:", runtime.NumCPU() > 0)
}
