package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer fmt.Println("deferred runs")
		func() {
			runtime.Goexit()
		}()
		fmt.Println("not printed")
	}()
	wg.Wait()
	fmt.Println("main continues")
}
