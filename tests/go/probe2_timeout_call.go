package main

import (
	"errors"
	"fmt"
	"time"
)

var ErrTimeout = errors.New("timeout")

func slowSquare(n int, d time.Duration) int {
	time.Sleep(d)
	return n * n
}

func withTimeout(n int, d, limit time.Duration) (int, error) {
	res := make(chan int, 1)
	go func() { res <- slowSquare(n, d) }()
	select {
	case v := <-res:
		return v, nil
	case <-time.After(limit):
		return 0, fmt.Errorf("square(%d) after %v: %w", n, limit, ErrTimeout)
	}
}

func main() {
	for i, d := range []time.Duration{10 * time.Millisecond, 300 * time.Millisecond, 50 * time.Millisecond} {
		v, err := withTimeout(i+2, d, 150*time.Millisecond)
		if errors.Is(err, ErrTimeout) {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println("value:", v)
	}
}
