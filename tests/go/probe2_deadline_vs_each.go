package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		for i := 0; ; i++ {
			time.Sleep(100 * time.Millisecond)
			ch <- i
		}
	}()
	deadline := time.After(350 * time.Millisecond)
	got := 0
	for {
		select {
		case v := <-ch:
			got++
			fmt.Println("value", v)
		case <-deadline:
			fmt.Println("deadline, got", got)
			return
		}
	}
}
