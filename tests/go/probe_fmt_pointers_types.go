package main

import (
	"errors"
	"fmt"
	"time"
)

type P struct {
	X int
	N *P
}

type Named map[string][]int

type Fn func(int) error

func main() {
	p := &P{1, &P{2, nil}}
	fmt.Printf("%v %+v\n", p.X, *p.N)
	pp := &p
	fmt.Println(p.N.N == nil, **pp == *p)
	fmt.Printf("%v\n", []*int{nil})
	s := []any{1, "a", 2.5, 'x', true, nil, []string{}, map[int]bool{}, P{}, &P{}, errors.New("e"),
		time.Second, struct{}{}, [3]int{}, make(chan int), Named{}, Fn(nil), uint8(1), int64(2),
		float32(1), func() {}, []any{1}, new(int), pp, byte('a'), [0]int{}, any(nil)}
	for _, v := range s {
		fmt.Printf("%T|", v)
	}
	fmt.Println()
	var e error
	var st fmt.Stringer
	fmt.Printf("%T %T %v %v\n", e, st, e, st)
	fmt.Printf("%v %d %s\n", []byte("hi"), []byte("hi"), []byte("hi"))
	fmt.Printf("%x %X %x\n", "hi", []byte{1, 171}, -255)
	fmt.Printf("%v %+v\n", struct {
		A *int
		B []*P
	}{nil, []*P{nil}}, map[string]*P{"k": nil})
	fmt.Printf("%t %v %5t|\n", true, false, true)
}
