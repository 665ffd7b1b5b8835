package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan struct{})
	data := make(chan int, 5)
	go func() {
		for i := range 5 {
			data <- i * 10
			runtime.Gosched()
		}
		close(done)
	}()
	polls := 0
	sum := 0
	for {
		select {
		case <-done:
			for len(data) > 0 {
				sum += <-data
			}
			fmt.Println("sum", sum, "polls counted:", polls >= 0)
			return
		default:
			polls++
			runtime.Gosched()
		}
	}
}
