package main

import "fmt"

func main() {
	ch := make(chan int, 4)
	fmt.Println(len(ch), cap(ch))
	for i := range 3 {
		ch <- i
		fmt.Printf("after send %d: len=%d cap=%d\n", i, len(ch), cap(ch))
	}
	<-ch
	fmt.Println("after recv:", len(ch))
	var nilc chan string
	fmt.Println(len(nilc), cap(nilc))
	un := make(chan bool)
	fmt.Println(len(un), cap(un))
	var ro <-chan int = ch
	var so chan<- int = ch
	fmt.Println(len(ro), cap(so))
	close(ch)
	fmt.Println(len(ch), cap(ch))
	x := cap(make(chan int, 10)) + len(make(chan int))
	fmt.Println(x)
	const n = 3
	sized := make(chan [n]int, n*2)
	fmt.Println(cap(sized))
}
