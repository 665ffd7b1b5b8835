package main

import (
	"errors"
	"fmt"
)

type OpError struct {
	Op   string
	Code int
	Err  error
}

func (e *OpError) Error() string {
	return fmt.Sprintf("%s failed (code %d): %v", e.Op, e.Code, e.Err)
}

func (e *OpError) Unwrap() error { return e.Err }

var ErrTimeout = errors.New("timeout")

func call(op string) error {
	if op == "slow" {
		return &OpError{op, 504, ErrTimeout}
	}
	return nil
}

func main() {
	err := call("slow")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrTimeout), errors.Unwrap(err) == ErrTimeout)
	var op *OpError
	if errors.As(err, &op) {
		fmt.Println(op.Op, op.Code)
	}
	wrapped := fmt.Errorf("request: %w", err)
	fmt.Println(wrapped)
	fmt.Println(errors.Is(wrapped, ErrTimeout))
	fmt.Printf("%v | %T\n", call("fast"), err)
}
