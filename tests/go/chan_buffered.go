package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	fmt.Println(len(ch), cap(ch))
	ch <- 1
	ch <- 2
	fmt.Println(len(ch), cap(ch))
	ch <- 3
	fmt.Println(<-ch, len(ch))
	ch <- 4
	for len(ch) > 0 {
		fmt.Print(<-ch, " ")
	}
	fmt.Println()
	queue := make(chan string, 2)
	queue <- "a"
	queue <- "b"
	close(queue)
	fmt.Println(len(queue), <-queue, <-queue)
	v, ok := <-queue
	fmt.Printf("%q %v\n", v, ok)
}
