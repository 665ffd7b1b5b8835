package main

import (
	"fmt"
	"sync"
)

type result struct {
	job, worker, square int
}

func worker(id int, jobs <-chan int, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- result{job: j, worker: id, square: j * j}
	}
}

func main() {
	jobs := make(chan int, 10)
	results := make(chan result, 10)
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
	all := make([]result, 10)
	n := 0
	for r := range results {
		all[r.job] = r
		n++
	}
	sum := 0
	for _, r := range all[1:] {
		fmt.Printf("%d->%d ", r.job, r.square)
		sum += r.square
	}
	fmt.Println()
	fmt.Println("results:", n, "sum:", sum)
}
