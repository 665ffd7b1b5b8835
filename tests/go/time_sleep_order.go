package main

import (
	"fmt"
	"time"
)

func main() {
	delays := []int{250, 50, 150, 100, 200}
	for i, ms := range delays {
		go func() {
			time.Sleep(time.Duration(ms) * time.Millisecond)
			fmt.Printf("goroutine %d woke after %dms\n", i, ms)
		}()
	}
	fmt.Println("main sleeps")
	time.Sleep(350 * time.Millisecond)
	fmt.Println("main done")
}
