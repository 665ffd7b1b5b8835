package main

import (
	"fmt"
	"time"
)

func say(s string, delay time.Duration, done chan<- bool) {
	time.Sleep(delay)
	for i := 0; i < 3; i++ {
		fmt.Println(s, i)
	}
	if done != nil {
		done <- true
	}
}

func main() {
	go say("lost", 200*time.Millisecond, nil)
	done := make(chan bool)
	go say("kept", 0, done)
	<-done
	fmt.Print("main ends without a newline")
}
