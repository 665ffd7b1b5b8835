package main

import (
	"fmt"
	"time"
)

func main() {
	data := make(chan int)
	quit := make(chan struct{})
	go func() {
		for i := 1; i <= 3; i++ {
			data <- i
			time.Sleep(50 * time.Millisecond)
		}
		close(quit)
	}()
	sum := 0
Loop:
	for {
		select {
		case v := <-data:
			sum += v
			if v == 100 {
				break
			}
			fmt.Println("v", v)
		case <-quit:
			fmt.Println("quit")
			break Loop
		}
	}
	fmt.Println("sum", sum)
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			switch {
			case j == 2:
				continue outer
			case i == 2:
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()
}
