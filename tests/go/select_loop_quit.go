package main

import (
	"fmt"
	"time"
)

func main() {
	data := make(chan int)
	quit := make(chan struct{})
	go func() {
		for i := 1; i <= 3; i++ {
			data <- i
			time.Sleep(60 * time.Millisecond)
		}
		close(quit)
	}()
	sum := 0
loop:
	for {
		select {
		case v := <-data:
			sum += v
			fmt.Println("data", v, "sum", sum)
		case <-quit:
			fmt.Println("quit received")
			break loop
		}
	}
	fmt.Println("final sum", sum)
}
