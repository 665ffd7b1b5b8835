package main

import (
	"fmt"
	"time"
)

func worker(id int) {
	for i := range 5 {
		fmt.Printf("worker %d step %d\n", id, i)
		time.Sleep(100 * time.Millisecond)
	}
	fmt.Println("worker", id, "finished")
}

func main() {
	go worker(1)
	time.Sleep(250 * time.Millisecond)
	fmt.Println("main returns: the worker's last lines are lost")
}
