package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	rw.RLock()
	fmt.Println("reader holds the lock")
	rw.Lock()
	fmt.Println("never")
}
