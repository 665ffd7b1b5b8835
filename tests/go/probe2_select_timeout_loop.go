package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		for i, d := range []int{50, 100, 400} {
			time.Sleep(time.Duration(d) * time.Millisecond)
			ch <- i
		}
	}()
	for {
		select {
		case v := <-ch:
			fmt.Println("got", v)
			continue
		case <-time.After(250 * time.Millisecond):
			fmt.Println("timeout")
		}
		break
	}
	fmt.Println("end")
}
