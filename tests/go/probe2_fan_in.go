package main

import (
	"fmt"
	"sync"
	"time"
)

func producer(name string, n int, delay time.Duration) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for i := range n {
			time.Sleep(delay)
			out <- fmt.Sprintf("%s%d", name, i)
		}
	}()
	return out
}

func merge(chans ...<-chan string) <-chan string {
	var wg sync.WaitGroup
	out := make(chan string)
	for _, c := range chans {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	a := producer("a", 2, 100*time.Millisecond)
	b := producer("b", 2, 150*time.Millisecond)
	count := 0
	for v := range merge(a, b) {
		fmt.Println(v)
		count++
	}
	fmt.Println("total", count)
}
