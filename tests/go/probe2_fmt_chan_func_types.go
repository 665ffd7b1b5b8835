package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

func worker(id int, jobs <-chan int, out chan<- string) {}

func main() {
	var ch chan int
	var ro <-chan string = make(chan string)
	var so chan<- bool
	fmt.Printf("%T %T %T\n", ch, ro, so)
	fmt.Printf("%T\n", worker)
	fmt.Printf("%T %T\n", func() {}, func(int) (string, error) { return "", nil })
	fmt.Printf("%T %T %T\n", &sync.WaitGroup{}, sync.Mutex{}, &sync.RWMutex{})
	fmt.Printf("%T %T %T\n", time.Second, time.Now, time.After)
	fmt.Printf("%T %T\n", errors.New("x"), fmt.Errorf("w: %w", errors.New("x")))
	fmt.Printf("%T %T\n", []chan int{}, map[string][]<-chan int{})
	fmt.Printf("%T %T\n", make(chan struct{}), make(chan chan error))
	fmt.Println(ch == nil, so == nil, ro != nil)
	fmt.Printf("%v %v\n", ch, so)
	var f func()
	fmt.Println(f == nil)
	fmt.Printf("%T %v\n", f, f)
}
