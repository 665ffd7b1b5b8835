package main

import (
	"fmt"
	"time"
)

func fetch(delay time.Duration, value string) chan string {
	ch := make(chan string)
	go func() {
		time.Sleep(delay)
		ch <- value
	}()
	return ch
}

func main() {
	fast := fetch(50*time.Millisecond, "fast answer")
	select {
	case v := <-fast:
		fmt.Println(v)
	case <-time.After(200 * time.Millisecond):
		fmt.Println("timeout 1")
	}
	slow := fetch(300*time.Millisecond, "slow answer")
	select {
	case v := <-slow:
		fmt.Println(v)
	case <-time.After(100 * time.Millisecond):
		fmt.Println("timeout 2")
	}
	timeout := time.After(250 * time.Millisecond)
	for {
		select {
		case v := <-slow:
			fmt.Println("late:", v)
		case <-timeout:
			fmt.Println("gave up")
			return
		}
	}
}
