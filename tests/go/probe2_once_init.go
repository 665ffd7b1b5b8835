package main

import (
	"fmt"
	"sync"
)

var (
	once   sync.Once
	config map[string]int
	inits  int
)

func load() {
	inits++
	config = map[string]int{"workers": 4, "retries": 3}
}

func get(key string) int {
	once.Do(load)
	return config[key]
}

func main() {
	var wg sync.WaitGroup
	res := make([]int, 8)
	for i := range res {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				res[i] = get("workers")
			} else {
				res[i] = get("retries")
			}
		}()
	}
	wg.Wait()
	fmt.Println(res, "inits:", inits)
	var o sync.Once
	for range 3 {
		o.Do(func() { fmt.Println("only once") })
	}
	v := sync.OnceValue(func() int { fmt.Println("computing"); return 7 })
	fmt.Println(v(), v())
}
