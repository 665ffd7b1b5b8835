package main

import (
	"errors"
	"fmt"
)

var ErrBase = errors.New("base")

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

type Wrapper struct {
	Op  string
	Err error
}

func (w Wrapper) Error() string { return w.Op + ": " + w.Err.Error() }
func (w Wrapper) Unwrap() error { return w.Err }

func lookup(k string) error {
	if k == "" {
		return fmt.Errorf("lookup: %w", ErrBase)
	}
	return Wrapper{"find", fmt.Errorf("layer2: %w", &NotFound{k})}
}

func main() {
	e1 := lookup("")
	e2 := fmt.Errorf("top: %w", fmt.Errorf("mid: %w", e1))
	fmt.Println(e2)
	fmt.Println(errors.Is(e2, ErrBase), errors.Unwrap(e2) == nil, errors.Unwrap(ErrBase) == nil)
	e3 := lookup("k")
	fmt.Println(e3)
	var nf *NotFound
	if errors.As(e3, &nf) {
		fmt.Println("as:", nf.Key)
	}
	var w Wrapper
	fmt.Println(errors.As(e2, &w), errors.As(fmt.Errorf("x: %w", e3), &w), w.Op)
	e4 := fmt.Errorf("no wrap: %v", ErrBase)
	fmt.Println(errors.Is(e4, ErrBase), e4)
	j := errors.Join(ErrBase, e3)
	fmt.Println(j)
	fmt.Println(errors.Is(j, ErrBase), errors.As(j, &nf))
	e5 := fmt.Errorf("two: %w and %w", ErrBase, e3)
	fmt.Println(e5, errors.Is(e5, ErrBase), errors.Unwrap(e5) == nil)
	fmt.Println(errors.Is(nil, ErrBase), errors.Is(ErrBase, ErrBase), errors.New("base") == ErrBase)
	fmt.Printf("%T %T\n", e2, j)
}
