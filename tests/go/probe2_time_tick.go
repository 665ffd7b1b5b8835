package main

import (
	"fmt"
	"time"
)

func main() {
	tick := time.Tick(100 * time.Millisecond)
	quit := make(chan bool)
	go func() {
		time.Sleep(350 * time.Millisecond)
		quit <- true
	}()
	n := 0
loop:
	for {
		select {
		case <-tick:
			n++
			fmt.Println("tick", n)
		case <-quit:
			fmt.Println("quit")
			break loop
		}
	}
	fmt.Println("ticks:", n)
}
