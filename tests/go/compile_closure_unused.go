package main

import "fmt"

func main() {
	f := func() {
		x := 42
	}
	f()
	fmt.Println("done")
}
