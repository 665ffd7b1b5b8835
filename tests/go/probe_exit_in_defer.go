package main

import (
	"fmt"
	"os"
)

func cleanup() {
	fmt.Println("cleanup")
	os.Exit(4)
}

func main() {
	defer fmt.Println("never printed")
	defer cleanup()
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
	}()
	fmt.Println("work")
	panic("oops")
}
