package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	wg.Add("1")
	wg.Done(1)
	n := 2
	wg.Add(n * time.Second)
	mu.Lock(true)
	time.Sleep(100)
	time.Sleep(n * time.Millisecond)
	fmt.Println(wg.Wait())
}
