package main

import "fmt"

func inc(p *int) { *p++ }

func newCounter() *int {
	c := 100
	return &c
}

func main() {
	x := 1
	p := &x
	*p = 41
	inc(p)
	fmt.Println(x, *p, p == &x)
	q := new(int)
	fmt.Println(*q)
	*q = 5
	inc(q)
	fmt.Println(*q)
	s := new(string)
	fmt.Printf("%q\n", *s)
	c := newCounter()
	inc(c)
	fmt.Println(*c)
	var np *int
	fmt.Println(np == nil, np)
	pp := &p
	**pp = 7
	fmt.Println(x)
}
