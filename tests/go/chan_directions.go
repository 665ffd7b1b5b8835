package main

import "fmt"

func producer(out chan<- int, n int) {
	for i := 1; i <= n; i++ {
		out <- i
	}
	close(out)
}

func doubler(in <-chan int, out chan<- int) {
	for v := range in {
		out <- v * 2
	}
	close(out)
}

func sum(in <-chan int) int {
	total := 0
	for v := range in {
		total += v
	}
	return total
}

func main() {
	a := make(chan int)
	b := make(chan int)
	go producer(a, 4)
	go doubler(a, b)
	fmt.Println(sum(b))
	var sendOnly chan<- string
	var recvOnly <-chan string
	c := make(chan string, 1)
	sendOnly, recvOnly = c, c
	sendOnly <- "through"
	fmt.Println(<-recvOnly)
	fmt.Printf("%T %T %T\n", sendOnly, recvOnly, c)
}
