package main

import (
	"fmt"
	"time"
)

func producer(name string, items []string, out chan<- string, done chan<- bool) {
	for _, it := range items {
		out <- name + ":" + it
		time.Sleep(100 * time.Millisecond)
	}
	done <- true
}

func main() {
	buf := make(chan string, 4)
	done := make(chan bool)
	go producer("A", []string{"a1", "a2", "a3"}, buf, done)
	time.Sleep(50 * time.Millisecond)
	go producer("B", []string{"b1", "b2"}, buf, done)
	go func() {
		<-done
		<-done
		close(buf)
	}()
	consumed := 0
	for item := range buf {
		consumed++
		fmt.Println("consumed", item)
	}
	fmt.Println("total", consumed)
}
