package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a Account) Balance() int { return a.balance }

func (a *Account) Deposit(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += n
}

func main() {
	a := Account{balance: 10}
	a.mu.Lock()
	b := a
	a.mu.Unlock()
	b.balance = 99
	fmt.Println(a.Balance(), b.Balance())
	a.Deposit(5)
	fmt.Println(a.balance, b.balance)
	accounts := []Account{{balance: 1}, {balance: 2}}
	var wg sync.WaitGroup
	for i := range accounts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			accounts[i].Deposit(10)
		}()
	}
	wg.Wait()
	for _, acc := range accounts {
		fmt.Print(acc.Balance(), " ")
	}
	fmt.Println()
	c := accounts[0]
	c.Deposit(1)
	fmt.Println(c.balance, accounts[0].balance)
}
