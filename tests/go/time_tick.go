package main

import (
	"fmt"
	"time"
)

func main() {
	tick := time.Tick(100 * time.Millisecond)
	stop := time.After(350 * time.Millisecond)
	count := 0
	for {
		select {
		case <-tick:
			count++
			fmt.Println("tick", count)
		case <-stop:
			fmt.Println("stop after", count, "ticks")
			return
		}
	}
}
