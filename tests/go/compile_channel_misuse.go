package main

import "fmt"

func produce(ch chan int) {
	for i := 0; i < 3; i++ {
		ch <- i
	}
	close(ch)
}

func main() {
	ch := make(chan int)
	go produce(ch)
	for i, v := range ch {
		fmt.Println(i, v)
	}
	var done chan struct{}
	done <- struct{}
	var n int
	n, ok := <-ch
	fmt.Println(n)
	result := <-ch + "x"
	ch2 := make(chan int, "3")
	var arr [3]int
	arr[5] = 1
	fmt.Println(result, ch2, len(ch, ch2))
}
