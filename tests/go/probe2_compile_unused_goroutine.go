package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	results := make(chan int)
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			result := i * 2
		}()
	}
	go func(id int) {
		v, ok := <-results
		fmt.Println(v)
	}(1)
	wg.Wait()
}
