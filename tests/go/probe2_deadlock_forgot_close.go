package main

import (
	"fmt"
	"sync"
)

func main() {
	results := make(chan string, 3)
	var wg sync.WaitGroup
	for _, name := range []string{"a", "b", "c"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- name + name
		}()
	}
	wg.Wait()
	count := 0
	for r := range results {
		count++
		_ = r
		fmt.Println("received", count)
	}
	fmt.Println("unreachable")
}
