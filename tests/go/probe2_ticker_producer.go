package main

import (
	"fmt"
	"time"
)

func produce(n int) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		count := 0
		for t := range time.Tick(60 * time.Millisecond) {
			_ = t
			count++
			out <- fmt.Sprint("event ", count)
			if count == n {
				return
			}
		}
	}()
	return out
}

func main() {
	start := time.Now()
	for e := range produce(4) {
		fmt.Println(e)
	}
	el := time.Since(start)
	fmt.Println(el >= 240*time.Millisecond, el < 600*time.Millisecond)
}
