package main

import (
	"fmt"
	"time"
)

func emit(vals []int, gap time.Duration) <-chan int {
	ch := make(chan int)
	go func() {
		for _, v := range vals {
			time.Sleep(gap)
			ch <- v
		}
		close(ch)
	}()
	return ch
}

func main() {
	a := emit([]int{1, 2, 3}, 100*time.Millisecond)
	time.Sleep(50 * time.Millisecond)
	b := emit([]int{10, 20}, 100*time.Millisecond)
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				fmt.Println("a closed")
				a = nil
				continue
			}
			fmt.Println("a", v)
		case v, ok := <-b:
			if !ok {
				fmt.Println("b closed")
				b = nil
				continue
			}
			fmt.Println("b", v)
		}
	}
	fmt.Println("merged")
}
