package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	seen := map[int]bool{}
	for i := range 4 {
		wg.Go(func() {
			time.Sleep(time.Duration(i*60) * time.Millisecond)
			fmt.Println("task", i)
			mu.Lock()
			seen[i] = true
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Println(seen, len(seen))
	wg.Go(func() { fmt.Println("one more") })
	wg.Wait()
	fmt.Println("all done")
}
