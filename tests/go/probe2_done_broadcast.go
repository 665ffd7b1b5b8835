package main

import (
	"fmt"
	"sync"
	"time"
)

func worker(id int, done <-chan struct{}, wg *sync.WaitGroup, stopped chan<- int) {
	defer wg.Done()
	for {
		select {
		case <-done:
			stopped <- id
			return
		default:
			time.Sleep(10 * time.Millisecond)
		}
	}
}

func main() {
	done := make(chan struct{})
	stopped := make(chan int, 3)
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go worker(i, done, &wg, stopped)
	}
	time.Sleep(100 * time.Millisecond)
	close(done)
	wg.Wait()
	close(stopped)
	sum := 0
	for id := range stopped {
		sum += id
	}
	fmt.Println("all stopped, id sum", sum)
	select {
	case <-done:
		fmt.Println("done is closed")
	default:
		fmt.Println("done still open")
	}
}
