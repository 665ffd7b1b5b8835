package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	for p := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 4 {
				ch <- p*100 + k
			}
		}()
	}
	go func() {
		wg.Wait()
		close(ch)
	}()
	sum, count := 0, 0
	for v := range ch {
		sum += v
		count++
	}
	fmt.Println(count, sum)
	v, ok := <-ch
	fmt.Println(v, ok)
	for range ch {
		fmt.Println("never")
	}
	bc := make(chan string, 3)
	bc <- "a"
	bc <- "b"
	close(bc)
	fmt.Println(len(bc))
	for s := range bc {
		fmt.Print(s)
	}
	fmt.Println(len(bc), cap(bc))
}
