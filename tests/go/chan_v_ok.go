package main

import "fmt"

type Msg struct {
	ID   int
	Body string
}

func main() {
	ch := make(chan Msg, 1)
	ch <- Msg{1, "hello"}
	close(ch)
	m, ok := <-ch
	fmt.Println(m, ok)
	m, ok = <-ch
	fmt.Printf("%+v %v\n", m, ok)
	fmt.Println(<-ch)
	nums := make(chan int)
	go func() {
		defer close(nums)
		nums <- 0
	}()
	for {
		v, ok := <-nums
		if !ok {
			fmt.Println("closed, zero value:", v)
			break
		}
		fmt.Println("value:", v, ok)
	}
	var pc chan *int = make(chan *int, 1)
	close(pc)
	p, ok := <-pc
	fmt.Println(p, ok)
}
