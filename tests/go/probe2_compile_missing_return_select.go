package main

import (
	"fmt"
	"time"
)

func first(ch chan int) int {
	select {
	case v := <-ch:
		return v
	case <-time.After(time.Second):
		return -1
	}
}

func forever(ch chan int) int {
	for {
		select {
		case v := <-ch:
			return v
		}
	}
}

func poll(ch chan int) int {
	select {
	case v := <-ch:
		return v
	default:
		fmt.Println("nothing")
	}
}

func loopBreak(ch chan int) int {
	for {
		select {
		case <-ch:
			break
		}
		break
	}
}

func main() {
	fmt.Println(first(nil), forever(nil), poll(nil), loopBreak(nil))
}
