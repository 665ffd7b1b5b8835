package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	rw.RLock()
	fmt.Println("read locked")
	rw.RUnlock()
	done := make(chan bool)
	go func() {
		defer close(done)
		rw.RUnlock()
	}()
	<-done
	fmt.Println("unreachable")
}
