package main

import "fmt"

func main() {
	ch := make(chan string)
	go func() {
		fmt.Println("sender: sending ping")
		ch <- "ping"
		ch <- "pong"
	}()
	fmt.Println("main got", <-ch)
	msg := <-ch
	fmt.Println("main got", msg)
	done := make(chan bool)
	go func() {
		fmt.Println("goroutine working")
		done <- true
	}()
	<-done
	fmt.Println(len(ch), cap(ch))
}
