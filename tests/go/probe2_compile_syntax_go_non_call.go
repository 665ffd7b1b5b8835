package main

import "fmt"

func work() { fmt.Println("work") }

func main() {
	go work
	defer fmt.Println
	go func() {}
	fmt.Println("x")
}
