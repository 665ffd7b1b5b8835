package main

import (
	"fmt"
	"time"
)

func produce(n int, out chan<- int) {
	for i := range n {
		out <- i * i
		time.Sleep(10 * time.Millisecond)
	}
	close(out)
}

func main() {
	ch := make(chan int)
	go produce(5, ch)
	for v := range ch {
		fmt.Println("received", v)
	}
	fmt.Println("channel closed")
	words := make(chan string, 3)
	words <- "un"
	words <- "deux"
	close(words)
	for w := range words {
		fmt.Println(w)
	}
	for range words {
		fmt.Println("never")
	}
}
