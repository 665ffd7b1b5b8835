package main

import (
	"fmt"
	"time"
)

type myInt int

func main() {
	d := 1.5 * time.Second
	var x int = 2.5
	var m myInt = 3.7
	y := 4 + 0.5*time.Millisecond
	fmt.Println(d, x, m, y, time.Duration(2.5))
	const k = 3
	z := k * 1.5 * time.Second
	fmt.Println(z)
}
