package main

import (
	"fmt"
	"sync"
)

// Starting a nil function is not a panic: the program stops with a fatal error, and the
// deferred recover never runs.
func main() {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	var wg sync.WaitGroup
	var work func()
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("a real goroutine")
	}()
	wg.Wait()
	go work()
	fmt.Println("never printed")
}
