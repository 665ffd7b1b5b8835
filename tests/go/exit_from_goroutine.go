package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	defer fmt.Println("never")
	go func() {
		time.Sleep(150 * time.Millisecond)
		fmt.Println("goroutine exits the program with status 4")
		os.Exit(4)
	}()
	for i := range 10 {
		fmt.Println("main tick", i)
		time.Sleep(100 * time.Millisecond)
	}
}
