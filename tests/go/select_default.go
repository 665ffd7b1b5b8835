package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	select {
	case v := <-ch:
		fmt.Println("received", v)
	default:
		fmt.Println("nothing to receive")
	}
	select {
	case ch <- 1:
		fmt.Println("sent 1")
	default:
		fmt.Println("buffer full")
	}
	select {
	case ch <- 2:
		fmt.Println("sent 2")
	default:
		fmt.Println("buffer full")
	}
	select {
	case v, ok := <-ch:
		fmt.Println("received", v, ok)
	default:
		fmt.Println("nothing")
	}
	dropped := 0
	for i := range 5 {
		select {
		case ch <- i:
		default:
			dropped++
		}
	}
	fmt.Println("dropped", dropped, "kept", <-ch)
	select {
	default:
		fmt.Println("only default")
	}
}
