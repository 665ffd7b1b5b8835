package main

import (
	"fmt"
	"time"
)

func main() {
	results := make(chan int)
	quit := make(chan bool)
	for i := 0; i < 2; i++ {
		go func() {
			results <- i
		}()
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond)
	fmt.Println(<-results)
	for {
		select {
		case v := <-results:
			fmt.Println("got", v)
		case <-quit:
			return
		}
	}
}
