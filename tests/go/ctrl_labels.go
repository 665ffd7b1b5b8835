package main

import "fmt"

func main() {
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println(i, j)
		}
	}
	ch := make(chan int, 5)
	for i := range 5 {
		ch <- i
	}
	close(ch)
loop:
	for {
		select {
		case v, ok := <-ch:
			if !ok || v == 3 {
				break loop
			}
			fmt.Println("got", v)
		}
	}
found:
	for _, row := range [][]int{{1, 2}, {3, 4}} {
		for _, v := range row {
			switch v {
			case 3:
				fmt.Println("found 3")
				break found
			}
		}
	}
	fmt.Println("done")
}
