package main

import (
	"errors"
	"fmt"
	"sync"
)

type WorkerError struct {
	ID int
}

func (e *WorkerError) Error() string { return fmt.Sprintf("worker %d failed", e.ID) }

func main() {
	errs := make([]error, 5)
	var wg sync.WaitGroup
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 1 {
				errs[i] = &WorkerError{ID: i}
			}
		}()
	}
	wg.Wait()
	err := errors.Join(errs...)
	fmt.Println(err)
	fmt.Printf("%q\n", err.Error())
	var we *WorkerError
	if errors.As(err, &we) {
		fmt.Println("first worker error:", we.ID)
	}
	fmt.Println(errors.Join(nil, nil) == nil)
	wrapped := fmt.Errorf("batch: %w", err)
	fmt.Println(errors.As(wrapped, &we), we.ID)
}
