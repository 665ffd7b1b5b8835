package main

import (
	"errors"
	"fmt"
)

func double() (n int) {
	defer func() { n *= 2 }()
	n = 5
	return n + 1
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = a / b
	return
}

func cleanup() (err error) {
	defer func() {
		if err != nil {
			err = errors.New("cleanup after: " + err.Error())
		}
	}()
	return errors.New("disk full")
}

func main() {
	fmt.Println(double())
	fmt.Println(safeDiv(10, 2))
	fmt.Println(safeDiv(1, 0))
	fmt.Println(cleanup())
}
