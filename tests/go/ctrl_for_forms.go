package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := 1
	for n < 100 {
		n *= 3
	}
	fmt.Println(n)
	count := 0
	for {
		count++
		if count == 4 {
			break
		}
		if count%2 == 0 {
			continue
		}
		fmt.Println("odd count", count)
	}
	for i, j := 0, 10; i < j; i, j = i+2, j-2 {
		fmt.Println(i, j)
	}
	var i int
	for i = 5; i > 0; i -= 2 {
	}
	fmt.Println("after", i)
	for range 2 {
		fmt.Println("twice")
	}
}
