package main

import (
	"fmt"
	"time"
)

func main() {
	start := make(chan struct{})
	ready := make(chan int)
	for i := range 3 {
		go func() {
			<-start
			time.Sleep(time.Duration(i*60) * time.Millisecond)
			ready <- i
		}()
	}
	fmt.Println("releasing all goroutines")
	close(start)
	for range 3 {
		fmt.Println("ready", <-ready)
	}
	var results chan chan int = make(chan chan int, 1)
	reply := make(chan int, 1)
	results <- reply
	go func() {
		r := <-results
		r <- 42
	}()
	fmt.Println("reply", <-reply)
}
