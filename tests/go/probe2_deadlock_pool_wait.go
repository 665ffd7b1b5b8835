package main

import (
	"fmt"
	"sync"
)

func main() {
	jobs := make(chan int)
	results := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- j * 10
			}
		}()
	}
	go func() {
		for i := range 4 {
			jobs <- i
		}
		close(jobs)
	}()
	wg.Wait()
	close(results)
	for r := range results {
		fmt.Println(r)
	}
}
