package main

import (
	"fmt"
	"time"
)

func main() {
	results := make(chan int, 1)
	go func() {
		time.Sleep(100 * time.Millisecond)
		fmt.Println("worker sends late")
		results <- 42
	}()
	select {
	case r := <-results:
		fmt.Println(r)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("gave up, closing")
		close(results)
	}
	time.Sleep(200 * time.Millisecond)
	fmt.Println("not printed")
}
