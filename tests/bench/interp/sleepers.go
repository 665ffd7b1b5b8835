// N goroutines each sleep once then call wg.Done; main waits. N is the constant below,
// rewritten by the benchmark (the interpreter runs it in virtual time).
package main

import (
	"fmt"
	"sync"
	"time"
)

const n = 100000

func main() {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			time.Sleep(100 * time.Millisecond)
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println(n)
}
