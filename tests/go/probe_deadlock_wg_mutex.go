package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu  sync.Mutex
	bal int
}

func (a *Account) Deposit(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.bal += n
	if n > 5 {
		a.Deposit(n - 5)
	}
}

func main() {
	acc := &Account{}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acc.Deposit(3)
		}()
	}
	wg.Wait()
	fmt.Println("balance", acc.bal)
	wg.Add(1)
	go func() {
		defer wg.Done()
		acc.Deposit(10)
	}()
	wg.Wait()
}
