package main

import (
	"fmt"
	"sync"
)

func main() {
	data := []int{1, 2, 3}
	var wg sync.WaitGroup
	results := make([]int, len(data))
	for i := range data {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = data[i] * 2
		}()
	}
	wg.Wait()
	fmt.Println(results)
	wg.Add(1)
	go func() {
		for i := 0; i <= len(data); i++ {
			results[i] += data[i]
		}
		wg.Done()
	}()
	wg.Wait()
	fmt.Println("unreachable")
}
