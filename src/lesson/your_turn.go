package main

import (
	"fmt"
	"sync"
	"time"
)

// Each worker sends its result on a channel; main waits for every worker with a
// WaitGroup, then closes the channel so that the range loop ends.
func worker(id int, results chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	time.Sleep(time.Duration(id) * 100 * time.Millisecond)
	results <- fmt.Sprintf("travailleur %d : terminé", id)
}

func main() {
	results := make(chan string)
	var wg sync.WaitGroup

	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go worker(i, results, &wg)
	}

	// Closing is the sender's job: once every worker is done, nothing more will come.
	go func() {
		wg.Wait()
		close(results)
	}()

	for r := range results {
		fmt.Println(r)
	}
	fmt.Println("Tous les résultats sont arrivés")
}
