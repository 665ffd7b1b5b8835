package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	fmt.Println(runtime.NumCPU() > 0)
	fmt.Println("start:", runtime.NumGoroutine())
	stop := make(chan struct{})
	for range 5 {
		go func() { <-stop }()
	}
	time.Sleep(50 * time.Millisecond)
	fmt.Println("blocked:", runtime.NumGoroutine())
	close(stop)
	time.Sleep(100 * time.Millisecond)
	fmt.Println("after close:", runtime.NumGoroutine())
}
