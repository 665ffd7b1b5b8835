package main

import (
	"fmt"
	"time"
)

func worker(id int, items []string) {
	for i := 0; i <= len(items); i++ {
		fmt.Println("worker", id, "item", items[i])
		time.Sleep(50 * time.Millisecond)
	}
}

func main() {
	go worker(1, []string{"a", "b"})
	time.Sleep(500 * time.Millisecond)
	fmt.Println("never reached")
}
