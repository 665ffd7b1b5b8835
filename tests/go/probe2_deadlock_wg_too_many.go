package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	tasks := []string{"a", "b"}
	wg.Add(len(tasks) + 1)
	for i, t := range tasks {
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i+1) * 50 * time.Millisecond)
			fmt.Println("task", t)
		}()
	}
	stuck := make(chan int)
	go func() {
		defer wg.Done()
		stuck <- 1
	}()
	wg.Wait()
	fmt.Println("never")
}
