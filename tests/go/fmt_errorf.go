package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

func main() {
	e1 := fmt.Errorf("user %d: %w", 42, ErrNotFound)
	e2 := fmt.Errorf("handler: %w", e1)
	e3 := fmt.Errorf("plain: %v", ErrNotFound)
	fmt.Println(e1)
	fmt.Println(e2)
	fmt.Println(e3)
	fmt.Println(errors.Is(e2, ErrNotFound), errors.Is(e3, ErrNotFound))
	fmt.Println(errors.Unwrap(e2) == e1, errors.Unwrap(e3) == nil)
	fmt.Printf("%v|%s|%q\n", e1, e1, ErrNotFound)
	e4 := fmt.Errorf("no verbs")
	fmt.Println(e4, errors.Unwrap(e4))
	fmt.Printf("%T %T\n", e1, e4)
}
