package main

import (
	"errors"
	"fmt"
)

var ErrBase = errors.New("base")

func main() {
	err := fmt.Errorf("layer 2: %w", fmt.Errorf("layer 1: %w", ErrBase))
	fmt.Println(errors.Is(err, ErrBase))
	panic(err)
}
