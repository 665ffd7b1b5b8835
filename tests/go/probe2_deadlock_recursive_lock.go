package main

import (
	"fmt"
	"sync"
)

type Bank struct {
	mu       sync.Mutex
	accounts map[string]int
}

func (b *Bank) Balance(name string) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.accounts[name]
}

func (b *Bank) Transfer(from, to string, n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.Balance(from) < n {
		return
	}
	b.accounts[from] -= n
	b.accounts[to] += n
}

func main() {
	b := &Bank{accounts: map[string]int{"a": 10}}
	fmt.Println("a has", b.Balance("a"))
	b.Transfer("a", "b", 5)
	fmt.Println("done")
}
