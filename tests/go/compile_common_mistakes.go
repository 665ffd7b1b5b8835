package main

import (
	"fmt"
	"os"
	"time"
)

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }

func fetch(id int) (string, error) {
	if id < 0 {
		return "", fmt.Errorf("bad id %d", id)
	}
}

func main() {
	v := fetch(1)
	s, err := fetch(2), nil
	Counter{}.Inc()
	var c Counter
	c.Inc(1)
	go c.Inc
	for i := 0; i < 3; i++ {
		go func(n int) {
			fmt.Println(n)
		}()
	}
	time.Sleep("1s")
}
