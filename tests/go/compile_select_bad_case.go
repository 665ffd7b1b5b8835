package main

import "fmt"

func main() {
	select {
	case x := 3:
		fmt.Println(x)
	}
}
