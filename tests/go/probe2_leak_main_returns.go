package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	for i := range 3 {
		go func() {
			time.Sleep(time.Duration(i+1) * 100 * time.Millisecond)
			fmt.Println("worker", i, "finished")
			ch <- i
		}()
	}
	fmt.Println("first:", <-ch)
	fmt.Println("main returns")
}
