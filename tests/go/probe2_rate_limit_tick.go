package main

import (
	"fmt"
	"time"
)

func main() {
	requests := make(chan int, 4)
	for i := 1; i <= 4; i++ {
		requests <- i
	}
	close(requests)
	limiter := time.Tick(80 * time.Millisecond)
	start := time.Now()
	for req := range requests {
		<-limiter
		el := time.Since(start).Round(80 * time.Millisecond)
		fmt.Println("request", req, "at", el)
	}
	burst := make(chan time.Time, 2)
	for range 2 {
		burst <- time.Now()
	}
	fmt.Println(len(burst), cap(burst))
}
