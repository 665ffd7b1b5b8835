package main

import "fmt"

func main() {
	var a int8 = 127
	a++
	fmt.Println(a)
	var b uint8 = 0
	b--
	fmt.Println(b)
	var c int32 = -2147483648
	c = -c
	fmt.Println(c)
	var d uint16 = 65535
	d += 2
	fmt.Println(d)
	x := 300
	fmt.Println(int8(x), uint8(x), int16(x))
	f := 3.99
	fmt.Println(int(f), int(-f), float64(7)/2, 7/2, -7/2, -7%3, 7%-3)
	var i64 int64 = 1 << 62
	fmt.Println(i64*2, i64*4)
	var u32 uint32 = 1 << 31
	fmt.Println(u32<<1, u32>>31, u32*2)
	n := 5
	fmt.Println(1<<n, -8>>1, -1>>10)
	var sh uint = 70
	fmt.Println(1<<sh, int64(1)<<62)
	fmt.Println(^0, ^uint8(0), 6&^3, 5^3, 5|2, 6&3)
	var h uint8 = 0xF0
	fmt.Println(h<<2, h>>2, ^h)
	g := float64(1) / 3
	fmt.Println(g, float32(g), int64(g*1e9))
	var big uint64 = 1<<64 - 1
	fmt.Println(big, int64(big), uint32(big))
	m := -5
	fmt.Println(m/2, m%2, m>>1, uint8(m))
}
