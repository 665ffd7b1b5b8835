package main

import (
	"errors"
	"fmt"
	"time"
)

var ErrBad = errors.New("bad input")

func task(n int) error {
	time.Sleep(time.Duration(n) * 50 * time.Millisecond)
	if n%3 == 0 {
		return fmt.Errorf("task %d: %w", n, ErrBad)
	}
	return nil
}

func main() {
	errc := make(chan error, 5)
	for i := 1; i <= 5; i++ {
		go func() { errc <- task(i) }()
	}
	var first error
	oks := 0
	for range 5 {
		if err := <-errc; err != nil {
			if first == nil {
				first = err
			}
		} else {
			oks++
		}
	}
	fmt.Println("ok:", oks)
	fmt.Println("first error:", first)
	fmt.Println(errors.Is(first, ErrBad), errors.Unwrap(first) == ErrBad)
}
