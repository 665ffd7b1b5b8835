package main

import (
	"fmt"
	"time"
)

func main() {
	a := make(chan string)
	b := make(chan string)
	out := make(chan int, 1)
	go func() {
		time.Sleep(50 * time.Millisecond)
		a <- "a1"
		time.Sleep(100 * time.Millisecond)
		b <- "b1"
	}()
	var nilch chan int
	for i := 0; i < 2; i++ {
		select {
		case s := <-a:
			fmt.Println("got", s)
		case s, ok := <-b:
			fmt.Println("got", s, ok)
		case v := <-nilch:
			fmt.Println("nil!", v)
		case nilch <- 1:
			fmt.Println("nil send!")
		}
	}
	select {
	case out <- 42:
		fmt.Println("sent", len(out), cap(out))
	default:
		fmt.Println("default")
	}
	timeouts := 0
	tick := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			time.Sleep(200 * time.Millisecond)
			tick <- i
		}
	}()
	for got := 0; got < 3; {
		select {
		case v := <-tick:
			fmt.Println("tick", v, "after", timeouts, "timeouts")
			got++
			timeouts = 0
		case <-time.After(80 * time.Millisecond):
			timeouts++
		}
	}
	close(a)
	select {
	case v, ok := <-a:
		fmt.Printf("closed %q %v\n", v, ok)
	}
}
