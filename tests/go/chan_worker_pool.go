package main

import (
	"fmt"
	"sync"
	"time"
)

type Result struct {
	Job, Worker, Value int
}

func worker(id int, jobs <-chan int, results chan<- Result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		time.Sleep(20 * time.Millisecond)
		results <- Result{j, id, j * j}
	}
}

func main() {
	jobs := make(chan int, 10)
	results := make(chan Result, 10)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for j := 1; j <= 9; j++ {
		jobs <- j
	}
	close(jobs)
	go func() {
		wg.Wait()
		close(results)
	}()
	values := make([]int, 10)
	workers := map[int]bool{}
	count := 0
	for r := range results {
		values[r.Job] = r.Value
		workers[r.Worker] = true
		count++
	}
	fmt.Println(count, values[1:])
	fmt.Println(len(workers) >= 1)
}
