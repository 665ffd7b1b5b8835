package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func main() {
	fmt.Println("start", runtime.NumGoroutine())
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-stop
		}()
	}
	time.Sleep(50 * time.Millisecond)
	fmt.Println("blocked", runtime.NumGoroutine())
	close(stop)
	wg.Wait()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("after", runtime.NumGoroutine())
	done := make(chan bool)
	go func() {
		go func() {
			time.Sleep(100 * time.Millisecond)
			done <- true
		}()
	}()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("nested", runtime.NumGoroutine())
	<-done
	time.Sleep(50 * time.Millisecond)
	fmt.Println("end", runtime.NumGoroutine())
}
