package main

import (
	"errors"
	"fmt"
)

func double() (n int) {
	defer func() { n *= 2 }()
	return 5
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
			q = -1
		}
	}()
	return a / b, nil
}

func order() (s string) {
	for i := 0; i < 3; i++ {
		defer func() { s += fmt.Sprint(i) }()
	}
	return "x"
}

func args() (r int) {
	v := 1
	defer fmt.Println("deferred arg", v, r)
	v = 2
	r = 10
	defer func(p int) { r += p }(v)
	return r + 1
}

func wrapErr() (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("wrap: %w", err)
		}
	}()
	return errors.New("base")
}

func main() {
	fmt.Println(double())
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(7, 0))
	fmt.Println(order())
	fmt.Println(args())
	fmt.Println(wrapErr())
}
