package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	ch := make(chan<- int)
	v := <-ch
	var mu sync.Mutex
	mu.Lock()
	wg.Add("1")
	fmt.Println(v)
}
