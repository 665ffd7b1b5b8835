package main

import "fmt"

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
}

func full(n int) int {
	switch {
	case n < 0:
		return -1
	default:
		return 1
	}
}

func loop() int {
	for {
	}
}

func withIf(b bool) string {
	if b {
		return "y"
	} else {
		return "n"
	}
}

func main() {
	fmt.Println(sign(1), full(1), withIf(true), loop())
}
