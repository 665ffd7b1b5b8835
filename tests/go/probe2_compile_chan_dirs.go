package main

import "fmt"

func producer(out <-chan int) {
	out <- 1
	close(out)
}

func consumer(in chan<- int) {
	for v := range in {
		fmt.Println(v)
	}
	x, ok := <-in
	fmt.Println(x, ok)
}

func main() {
	ch := make(chan int)
	go producer(ch)
	consumer(ch)
	var c2 <-chan int = ch
	var c3 chan int = c2
	fmt.Println(c3)
}
