package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan string)
	ack := make(chan struct{})
	go func() {
		time.Sleep(100 * time.Millisecond)
		fmt.Println("receiver ready")
		msg := <-ch
		fmt.Println("received", msg)
		close(ack)
	}()
	start := time.Now()
	ch <- "hello"
	blocked := time.Since(start) >= 90*time.Millisecond
	<-ack
	fmt.Println("sender unblocked after receiver:", blocked)
	var empty struct{}
	sig := make(chan struct{}, 1)
	sig <- empty
	fmt.Printf("%v %T %d\n", <-sig, empty, len(sig))
}
