package main

import "fmt"

func main() {
	fmt.Println(uint(int8(-1)) > 0)
	fmt.Println(uint8(200) + uint8(100))
	fmt.Println(int64(1) << 63)
	var x int8 = 128
	const c uint = 3
	fmt.Println(x, -c)
}
