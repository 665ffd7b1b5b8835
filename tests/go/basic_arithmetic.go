package main

import "fmt"

func main() {
	a, b := 17, 5
	fmt.Println(a+b, a-b, a*b, a/b, a%b)
	fmt.Println(-a/b, -a%b, a/-b, a%-b)
	fmt.Println(1<<10, 1024>>3, 6&3, 6|3, 6^3, 6&^3, ^5)
	x := 10
	x += 5
	x -= 3
	x *= 2
	x /= 4
	x %= 4
	x <<= 3
	x |= 1
	fmt.Println(x)
	x++
	x--
	fmt.Println(x, 7.0/2, 7/2, float64(7)/2)
	fmt.Println(3 == 3, 3 != 3, 2 < 3, "a" < "b", !true, true && false, true || false)
	var big int64 = 1 << 62
	fmt.Println(big, big*2, uint64(1)<<63)
}
