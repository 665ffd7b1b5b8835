package main

import (
	"fmt"
	"sync"
)

var mu sync.Mutex

func inner() {
	mu.Lock()
	defer mu.Unlock()
	fmt.Println("inner")
}

func outer() {
	mu.Lock()
	defer mu.Unlock()
	fmt.Println("outer")
	inner()
}

func main() {
	outer()
}
