package main

import (
	"fmt"
	"sync"
)

func work(id int, wg sync.WaitGroup, out chan<- int) {
	defer wg.Done()
	out <- id * 2
}

func main() {
	var wg sync.WaitGroup
	out := make(chan int, 3)
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go work(i, wg, out)
	}
	sum := 0
	for range 3 {
		sum += <-out
	}
	fmt.Println("sum", sum)
	wg.Wait()
	fmt.Println("never")
}
