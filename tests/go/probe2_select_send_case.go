package main

import (
	"fmt"
	"time"
)

func producer(out chan<- int, quit <-chan bool) int {
	n := 0
	for {
		select {
		case out <- n:
			n++
		case <-quit:
			return n
		}
	}
}

func main() {
	out := make(chan int)
	quit := make(chan bool)
	res := make(chan int)
	go func() { res <- producer(out, quit) }()
	for range 4 {
		fmt.Println(<-out)
		time.Sleep(50 * time.Millisecond)
	}
	quit <- true
	fmt.Println("produced", <-res)
	full := make(chan int, 1)
	dropped := 0
	for i := range 5 {
		select {
		case full <- i:
		default:
			dropped++
		}
	}
	fmt.Println("kept", <-full, "dropped", dropped)
}
