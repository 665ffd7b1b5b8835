package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

type Pool struct {
	Name    string
	Workers int
	Done    chan bool
	wg      sync.WaitGroup
}

func main() {
	var c Counter
	c.n = 3
	fmt.Printf("%+v\n", c.n)
	fmt.Printf("%v\n", c)
	fmt.Printf("%+v\n", c)
	p := Pool{Name: "p1", Workers: 4}
	fmt.Printf("%+v\n", p)
	var mu sync.Mutex
	fmt.Println(mu)
	var rw sync.RWMutex
	fmt.Printf("%v\n", rw)
	var once sync.Once
	fmt.Printf("%+v\n", once)
}
