package main

import (
	"errors"
	"fmt"
)

var (
	ErrEmpty    = errors.New("empty input")
	ErrTooLarge = errors.New("too large")
)

func parse(s string) (int, error) {
	if s == "" {
		return 0, ErrEmpty
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, fmt.Errorf("parse %q: bad digit %q", s, r)
		}
		n = n*10 + int(r-'0')
	}
	if n > 1000 {
		return 0, fmt.Errorf("parse %q: %w", s, ErrTooLarge)
	}
	return n, nil
}

func main() {
	for _, in := range []string{"42", "", "4x2", "5000"} {
		n, err := parse(in)
		switch {
		case err == nil:
			fmt.Println("ok", n)
		case errors.Is(err, ErrEmpty):
			fmt.Println("empty!", err)
		case errors.Is(err, ErrTooLarge):
			fmt.Println("large!", err)
		default:
			fmt.Println("other:", err)
		}
	}
	fmt.Println(ErrEmpty == errors.New("empty input"), errors.Is(nil, ErrEmpty))
}
