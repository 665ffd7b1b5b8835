package main

import (
	"fmt"
	"sync"
	"time"
)

func square(n int) int {
	time.Sleep(time.Duration(10*(5-n)) * time.Millisecond)
	return n * n
}

func main() {
	inputs := []int{1, 2, 3, 4, 5}
	results := make([]int, len(inputs))
	var wg sync.WaitGroup
	for i, n := range inputs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = square(n)
		}()
	}
	wg.Wait()
	fmt.Println(results)
	sum := 0
	for _, r := range results {
		sum += r
	}
	fmt.Println("sum", sum)
}
