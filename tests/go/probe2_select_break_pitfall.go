package main

import "fmt"

func main() {
	ch := make(chan int, 5)
	for i := range 5 {
		ch <- i
	}
	close(ch)
	seen := 0
	for seen < 10 {
		select {
		case v, ok := <-ch:
			if !ok {
				fmt.Println("closed, but break only leaves the select")
				seen = 10
				break
			}
			if v == 2 {
				break
			}
			fmt.Println("v", v)
		}
		seen++
	}
	fmt.Println("seen", seen)
}
