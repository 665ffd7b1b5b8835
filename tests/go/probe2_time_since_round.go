package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i) * 100 * time.Millisecond)
		}()
	}
	wg.Wait()
	el := time.Since(start)
	fmt.Println("parallel:", el.Round(100*time.Millisecond))
	fmt.Printf("%.1fs\n", el.Round(100*time.Millisecond).Seconds())
	start = time.Now()
	for i := 1; i <= 2; i++ {
		time.Sleep(time.Duration(i) * 100 * time.Millisecond)
	}
	fmt.Println("sequential:", time.Since(start).Truncate(100*time.Millisecond))
	fmt.Println(time.Until(start) < 0, time.Now().After(start), start.Before(time.Now()))
}
