package main

import "fmt"

type T struct {
	N int
	S string
}

func main() {
	c := make(chan int, 3)
	c <- 1
	c <- 2
	fmt.Println(len(c), cap(c))
	close(c)
	fmt.Println(len(c))
	for v := range c {
		fmt.Println("v", v)
	}
	v, ok := <-c
	fmt.Println(v, ok, len(c))
	ts := make(chan T)
	close(ts)
	t, ok := <-ts
	fmt.Printf("%+v %v\n", t, ok)
	ps := make(chan *T, 1)
	close(ps)
	fmt.Println(<-ps)
	var unb chan string = make(chan string)
	fmt.Println(len(unb), cap(unb))
	var nc chan int
	fmt.Println(len(nc), cap(nc), nc == nil)
	done := make(chan struct{})
	go func() {
		defer close(done)
		fmt.Println("worker")
	}()
	<-done
	<-done
	fmt.Println("twice")
}
