package main

import (
	"fmt"
	"time"
)

type Job struct {
	ID   int
	Name string
}

func (j Job) String() string { return fmt.Sprintf("job#%d(%s)", j.ID, j.Name) }

func main() {
	go func() {
		time.Sleep(50 * time.Millisecond)
		panic(Job{7, "resize"})
	}()
	fmt.Println("main sleeping")
	time.Sleep(time.Second)
	fmt.Println("not reached")
}
