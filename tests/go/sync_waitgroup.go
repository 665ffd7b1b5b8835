package main

import (
	"fmt"
	"sync"
	"time"
)

func download(name string, ms int, wg *sync.WaitGroup) {
	defer wg.Done()
	time.Sleep(time.Duration(ms) * time.Millisecond)
	fmt.Println("downloaded", name)
}

func main() {
	var wg sync.WaitGroup
	files := map[string]int{"a.txt": 150, "b.txt": 50, "c.txt": 100}
	wg.Add(len(files))
	for name, ms := range files {
		go download(name, ms, &wg)
	}
	wg.Wait()
	fmt.Println("all downloads finished")
	var wg2 sync.WaitGroup
	wg2.Wait()
	fmt.Println("waiting on a zero WaitGroup returns at once")
	for round := range 2 {
		wg2.Add(2)
		for i := range 2 {
			go func() {
				defer wg2.Done()
				time.Sleep(time.Duration(50+i*60) * time.Millisecond)
				fmt.Println("round", round, "task", i)
			}()
		}
		wg2.Wait()
	}
}
