package main

import (
	"fmt"
	"os"
	"time"
)

func half(n int) int {
	return n / 2
}

func main() {
	var count int = "many"
	result := half(1, 2)
	if count {
		fmt.Println(result)
	}
	unused := time.Second
	var wg sync.WaitGroup
	wg.Wait()
}
