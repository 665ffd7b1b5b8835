package main

import (
	"fmt"
	"time"
)

func main() {
	out := make(chan int)
	quit := make(chan bool)
	go func() {
		for range 3 {
			fmt.Println("consumer got", <-out)
			time.Sleep(50 * time.Millisecond)
		}
		quit <- true
	}()
	x := 0
	for {
		select {
		case out <- x:
			x += 10
		case <-quit:
			fmt.Println("quit, next would be", x)
			return
		}
	}
}
