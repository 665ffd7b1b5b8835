package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

type Cache struct {
	mu   sync.RWMutex
	data map[string]int
	once sync.Once
}

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var rw sync.RWMutex
	var sb strings.Builder
	fmt.Printf("%v|%v|%v|%v\n", mu, wg, rw, sb)
	fmt.Printf("%#v\n", mu)
	fmt.Printf("%#v\n", wg)
	c := Cache{data: map[string]int{"a": 1}}
	c.once.Do(func() {})
	fmt.Printf("%+v\n", c)
	mu.Lock()
	go func() { mu.Lock() }()
	wg.Add(2)
	go func() { wg.Wait() }()
	rw.RLock()
	go func() { rw.Lock() }()
	time.Sleep(50 * time.Millisecond)
	go func() { rw.RLock() }()
	time.Sleep(50 * time.Millisecond)
	fmt.Printf("%+v\n%+v\n%+v\n", &mu, &wg, &rw)
	rw.RUnlock()
	time.Sleep(50 * time.Millisecond)
	fmt.Printf("%v\n", &rw)
	fmt.Printf("%d %s\n", mu, c.once)
	fmt.Println([]sync.Mutex{{}}, map[string]sync.WaitGroup{"w": {}})
}
