package main

import (
	"fmt"
	"time"
)

func slow(d time.Duration) <-chan string {
	ch := make(chan string, 1)
	go func() {
		time.Sleep(d)
		ch <- fmt.Sprint("result after ", d)
	}()
	return ch
}

func main() {
	for _, d := range []time.Duration{50 * time.Millisecond, 300 * time.Millisecond} {
		select {
		case r := <-slow(d):
			fmt.Println(r)
		case <-time.After(150 * time.Millisecond):
			fmt.Println("timeout waiting for", d)
		}
	}
	t := <-time.After(10 * time.Millisecond)
	fmt.Println(t.IsZero())
}
