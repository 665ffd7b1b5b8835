package main

import (
	"errors"
	"fmt"
)

type Result struct {
	Input string
	Value int
	Err   error
}

func parse(s string) (int, error) {
	if s == "" {
		return 0, errors.New("empty")
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, fmt.Errorf("bad digit %q in %q", r, s)
		}
		n = n*10 + int(r-'0')
	}
	return n, nil
}

func main() {
	inputs := []string{"12", "x7", "", "300"}
	out := make(chan Result)
	for _, in := range inputs {
		go func() {
			v, err := parse(in)
			out <- Result{in, v, err}
		}()
	}
	byInput := map[string]Result{}
	for range inputs {
		r := <-out
		byInput[r.Input] = r
	}
	for _, in := range inputs {
		r := byInput[in]
		fmt.Printf("%q: %+v\n", in, r)
	}
}
