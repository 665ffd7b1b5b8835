package main

import (
	"fmt"
	"sync"
)

func compute(n int) int { return n * 2 }

func main() {
	var wg sync.WaitGroup
	ch := make(chan int)
	ch <- "hello"
	var s string = <-ch
	wg.Go(func(i int) {})
	done := make(chan struct{})
	done <- true
	var r <-chan int = make(chan<- int)
	go compute()
	fmt.Println(s, r)
}
