package main

import (
	"errors"
	"fmt"
	"sync"
)

func process(items []int, wg *sync.WaitGroup) {
	for _, it := range items {
		if it < 0 {
			panic(errors.New("negative item"))
		}
	}
	wg.Done()
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go process([]int{1, 2, 3}, &wg)
	wg.Wait()
	fmt.Println("batch 1 ok")
	wg.Add(1)
	go process([]int{4, -5}, &wg)
	wg.Wait()
	fmt.Println("batch 2 ok")
}
