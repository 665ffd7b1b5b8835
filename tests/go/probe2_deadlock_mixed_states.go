package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	var nilc chan int
	sel := make(chan int)
	var wg sync.WaitGroup
	wg.Add(1)
	rw.RLock()
	go func() { rw.Lock() }()
	time.Sleep(50 * time.Millisecond)
	go func() { nilc <- 1 }()
	go func() { <-nilc }()
	go func() {
		select {
		case <-sel:
		case <-nilc:
		}
	}()
	go func() {
		select {
		case v := <-nilc:
			fmt.Println(v)
		}
	}()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("main waits")
	wg.Wait()
}
