package main

import "fmt"

func main() {
	var a int8 = 127
	a++
	fmt.Println(a)
	var b uint8 = 250
	b += 10
	fmt.Println(b)
	var c uint8 = 0
	c--
	fmt.Println(c)
	var d uint32 = 4294967295
	d++
	fmt.Println(d)
	var e int16 = -32768
	e--
	fmt.Println(e)
	var f int32 = 1 << 30
	f *= 4
	fmt.Println(f)
	var g uint = 0
	g--
	fmt.Println(g)
	big := 300
	fmt.Println(int8(big), uint8(big), uint16(-1*big), int64(int32(1<<31-1)+int32(g&1)))
	var h byte = 'A'
	h += 200
	fmt.Println(h)
}
