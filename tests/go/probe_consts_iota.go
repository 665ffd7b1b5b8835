package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

const (
	A = iota * 2
	B
	_
	D
	E = "str"
	F
	G = iota + 100
)

const (
	X, Y = iota, iota * 10
	Z, W
)

const Huge = 1 << 100
const Small = Huge >> 98

type Flag uint8

const (
	F1 Flag = 1 << iota
	F2
	F3
)

func main() {
	fmt.Println(Sunday, Monday, Tuesday)
	fmt.Printf("%T %v\n", Monday, Tuesday+1)
	fmt.Println(KB, MB, GB)
	fmt.Println(A, B, D, E, F, G)
	fmt.Println(X, Y, Z, W)
	fmt.Println(Small, Huge/(1<<90), float64(Huge))
	fmt.Println(F1|F3, F2, ^F1)
	fmt.Printf("%T %08b\n", F3, F1|F2|F3)
	const c = 10 / 4
	const d = 10 / 4.0
	var e float64 = 10 / 4
	fmt.Println(c, d, e, 7/2*2.0)
}
