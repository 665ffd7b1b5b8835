package main

import "fmt"

func main() {
	c := make(chan int, 1)
	ro := (<-chan int)(c)
	so := (chan<- int)(c)
	so <- 5
	fmt.Println(<-ro)
	fmt.Printf("%T %T %T\n", c, ro, so)
	var r2 <-chan int = c
	c <- 6
	fmt.Println(<-r2)
}
