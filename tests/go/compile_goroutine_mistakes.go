package main

import (
	"fmt"
	"sync"
	"time"
)

func producer(out chan<- int) {
	v := <-out
	fmt.Println(v)
}

func consumer(in <-chan int) {
	in <- 1
	close(in)
}

func main() {
	var wg sync.WaitGroup
	ch := make(chan int)
	go producer(ch)
	go consumer(ch)
	time.Sleep(1.5 * time.Second)
	wg.Add()
	wg.Done(1)
	var mu sync.Mutex
	mu.lock()
	select {
	case x := 3:
		fmt.Println(x)
	}
}
