package main

import (
	"fmt"
	"time"
)

type Job struct {
	ID   int
	Name string
}

func main() {
	jobs := make(chan Job, 2)
	jobs <- Job{1, "a"}
	jobs <- Job{ID: 2, "b"}
	close(jobs)
	for j := range jobs {
		fmt.Println(j.Id)
	}
	timeout := time.After(time.Second)
	select {
	case <-timeout:
		fmt.Println("done")
	case v := <-jobs:
		fmt.Println(v)
	default:
	default:
	}
	var t time.Duration = time.Now()
	fmt.Println(t)
}
