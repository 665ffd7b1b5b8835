package main

import (
	"fmt"
	"time"
)

func say(msg string, times int, gap time.Duration) {
	for i := range times {
		fmt.Println(msg, i)
		time.Sleep(gap)
	}
}

func main() {
	go say("ping", 3, 100*time.Millisecond)
	time.Sleep(50 * time.Millisecond)
	go say("pong", 3, 100*time.Millisecond)
	time.Sleep(300 * time.Millisecond)
	msg := "first"
	go func(m string) {
		time.Sleep(50 * time.Millisecond)
		fmt.Println("argument:", m)
	}(msg)
	msg = "second"
	time.Sleep(100 * time.Millisecond)
	fmt.Println("main:", msg)
}
