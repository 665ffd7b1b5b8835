package main

import "fmt"

type Shape interface{ Area() int }

type Sq struct{ s int }

func (q *Sq) Area() int { return q.s * q.s }

func show(s Shape) { fmt.Println(s.Area()) }

func main() {
	q := Sq{3}
	var s Shape = q
	show(q)
	fmt.Println(s)
}
