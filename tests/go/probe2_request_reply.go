package main

import "fmt"

type request struct {
	n     int
	reply chan int
}

func server(reqs <-chan request) {
	for r := range reqs {
		r.reply <- r.n * r.n
	}
}

func main() {
	reqs := make(chan request)
	go server(reqs)
	for i := 1; i <= 3; i++ {
		r := request{n: i, reply: make(chan int)}
		reqs <- r
		fmt.Println(i, "->", <-r.reply)
	}
	close(reqs)
	replies := make(chan chan string, 2)
	go func() {
		for c := range replies {
			c <- "pong"
		}
	}()
	c := make(chan string)
	replies <- c
	fmt.Println(<-c)
	fmt.Printf("%T %T\n", reqs, replies)
}
