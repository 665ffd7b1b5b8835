package main

import (
	"fmt"
	"time"
)

type small int8

func main() {
	var d time.Duration
	fmt.Println(d > 1.5)
	fmt.Println(int8(1) + 1000)
	fmt.Println(small(1) + 1000)
	fmt.Println(time.Duration(1) * 1e19)
	fmt.Println(d * 1e19)
	var s small
	fmt.Println(s + 2.5)
	const c small = 1
	fmt.Println(c * 0.5)
}
