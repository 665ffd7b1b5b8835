package main

import (
	"fmt"
	"sync"
)

func worker(id int, wg sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("worker", id)
}

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go worker(i, &wg)
	}
	wg.Wait()
	ch := make(chan int)
	ch <- 1
	var results []int
	results = append(results, <-ch...)
	var m sync.Mutex
	m.Lock
	fmt.Println(len(results))
}
