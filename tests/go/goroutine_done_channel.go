package main

import (
	"fmt"
	"time"
)

func worker(id int, done <-chan struct{}, finished chan<- string) {
	n := 0
	for {
		select {
		case <-done:
			finished <- fmt.Sprintf("worker %d stopped", id)
			return
		default:
			n++
			time.Sleep(10 * time.Millisecond)
		}
	}
}

func main() {
	done := make(chan struct{})
	finished := make(chan string)
	for i := 1; i <= 3; i++ {
		go worker(i, done, finished)
	}
	time.Sleep(100 * time.Millisecond)
	close(done)
	results := map[string]bool{}
	for range 3 {
		results[<-finished] = true
	}
	fmt.Println(results)
	fmt.Println("all workers cancelled")
}
