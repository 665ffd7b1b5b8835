package main

import (
	"errors"
	"fmt"
)

var (
	ErrNet  = errors.New("network down")
	ErrDisk = errors.New("disk full")
)

func main() {
	errc := make(chan error, 2)
	go func() { errc <- fmt.Errorf("fetch: %w", ErrNet) }()
	go func() { errc <- fmt.Errorf("save: %w", ErrDisk) }()
	e1, e2 := <-errc, <-errc
	both := fmt.Errorf("batch: %w; %w", e1, e2)
	fmt.Println(errors.Is(both, ErrNet), errors.Is(both, ErrDisk))
	fmt.Println(len(both.Error()))
	fmt.Println(errors.Unwrap(both) == nil)
	var target interface{ Unwrap() []error }
	fmt.Println(errors.As(both, &target), len(target.Unwrap()))
	fmt.Println(fmt.Errorf("no wrap: %v", ErrNet), errors.Is(fmt.Errorf("%v", ErrNet), ErrNet))
}
