package main

import (
	"fmt"
	"sync"
)

type Inventory struct {
	sync.Mutex
	items map[string]int
}

func (inv *Inventory) Add(name string, n int) {
	inv.Lock()
	defer inv.Unlock()
	inv.items[name] += n
}

func (inv *Inventory) Take(name string) bool {
	inv.Lock()
	defer inv.Unlock()
	if inv.items[name] == 0 {
		return false
	}
	inv.items[name]--
	return true
}

func main() {
	inv := &Inventory{items: map[string]int{}}
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			inv.Add("apple", 1)
			if i%4 == 0 {
				inv.Add("pear", 2)
			}
		})
	}
	wg.Wait()
	taken := 0
	var tmu sync.Mutex
	for range 30 {
		wg.Go(func() {
			if inv.Take("apple") {
				tmu.Lock()
				taken++
				tmu.Unlock()
			}
		})
	}
	wg.Wait()
	fmt.Println(inv.items, "taken:", taken)
}
