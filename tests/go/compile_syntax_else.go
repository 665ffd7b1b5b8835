package main

import "fmt"

func main() {
	if x := 1; x > 0 {
		fmt.Println(x)
	}
	else {
		fmt.Println("no")
	}
}
