package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i == 1 {
				return
			}
			close(ch)
		}()
	}
	wg.Wait()
	_, ok := <-ch
	fmt.Println("closed once:", !ok)
	done := make(chan bool)
	go func() {
		close(ch)
		close(done)
	}()
	<-done
	fmt.Println("unreachable")
}
