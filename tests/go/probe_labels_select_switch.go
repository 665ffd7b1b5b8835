package main

import "fmt"

func main() {
	ch := make(chan int, 10)
	for i := 0; i < 10; i++ {
		ch <- i
	}
	n := 0
loop:
	for {
		select {
		case v := <-ch:
			if v == 5 {
				break loop
			}
			if v%2 == 0 {
				continue loop
			}
			n += v
		}
	}
	fmt.Println("n", n, len(ch))
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			switch {
			case j == 1:
				continue outer
			case i == 2:
				break outer
			}
			fmt.Println(i, j)
		}
	}
	for i := 0; i < 3; i++ {
		switch i {
		case 1:
			break
		default:
			fmt.Println("sw", i)
		}
	}
sel:
	select {
	case v := <-ch:
		if v > 0 {
			break sel
		}
		fmt.Println("not reached")
	}
	fmt.Println("left", len(ch))
}
