package main

import (
	"fmt"
	"time"
)

func main() {
	in := make(chan int)
	out := make(chan string)
	go func() {
		select {
		case out <- "result":
		}
	}()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("waiting on a one-case select")
	select {
	case v := <-in:
		fmt.Println(v)
	}
}
