package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Deposit(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += n
}

func (a *Account) Withdraw(n int) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if n > a.balance {
		return false
	}
	a.balance -= n
	return true
}

func main() {
	acc := &Account{}
	var wg sync.WaitGroup
	for i := 1; i <= 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acc.Deposit(i)
		}()
	}
	wg.Wait()
	fmt.Println(acc.balance)
	fmt.Println(acc.Withdraw(2000), acc.Withdraw(275), acc.balance)
}
