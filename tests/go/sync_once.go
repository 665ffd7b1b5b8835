package main

import (
	"fmt"
	"sync"
)

var (
	once   sync.Once
	config map[string]string
	loads  int
)

func loadConfig() {
	loads++
	fmt.Println("loading config")
	config = map[string]string{"env": "prod"}
}

func get(key string) string {
	once.Do(loadConfig)
	return config[key]
}

func main() {
	var wg sync.WaitGroup
	results := make([]string, 10)
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = get("env")
		}()
	}
	wg.Wait()
	fmt.Println(results[0], results[9], loads)
	once.Do(func() { fmt.Println("never printed") })
	var o2 sync.Once
	for range 3 {
		o2.Do(func() { fmt.Println("second once") })
	}
}
