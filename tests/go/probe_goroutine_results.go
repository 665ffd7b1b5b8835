package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

type result struct {
	id  int
	out string
}

func main() {
	words := []string{"go", "rust", "zig", "c"}
	res := make([]string, len(words))
	var wg sync.WaitGroup
	for i, w := range words {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(len(words)-i) * 10 * time.Millisecond)
			res[i] = strings.ToUpper(w)
		}()
	}
	wg.Wait()
	fmt.Println(res)
	ch := make(chan result)
	for i := range 3 {
		go func(id int) {
			time.Sleep(time.Duration(id) * 60 * time.Millisecond)
			ch <- result{id, strings.Repeat("*", id+1)}
		}(i)
	}
	for range 3 {
		r := <-ch
		fmt.Printf("%+v\n", r)
	}
	errc := make(chan error, 3)
	for i := range 3 {
		go func() {
			if i == 1 {
				errc <- fmt.Errorf("task %d failed", i)
				return
			}
			errc <- nil
		}()
	}
	failed := 0
	for range 3 {
		if err := <-errc; err != nil {
			fmt.Println(err)
			failed++
		}
	}
	fmt.Println("failed", failed)
}
