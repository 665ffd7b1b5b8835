package main

import (
	"fmt"
	"sync"
)

func safeGo(wg *sync.WaitGroup, id int, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			if r := recover(); r != nil {
				fmt.Printf("goroutine %d recovered: %v\n", id, r)
			}
		}()
		f()
	}()
}

func main() {
	var wg sync.WaitGroup
	safeGo(&wg, 1, func() {
		var m map[string]int
		m["x"] = 1
	})
	wg.Wait()
	safeGo(&wg, 2, func() {
		s := []int{1, 2}
		i := 5
		fmt.Println(s[i])
	})
	wg.Wait()
	safeGo(&wg, 3, func() { panic(fmt.Errorf("custom %d", 3)) })
	wg.Wait()
	safeGo(&wg, 4, func() { fmt.Println("fine") })
	wg.Wait()
	fmt.Println("program still alive")
}
