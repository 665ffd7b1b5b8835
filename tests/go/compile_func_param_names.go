package main

import "sync"

type Point struct{ X int }

func (p Point) Move(dx int) {}

func compute(n int, s string) (r int, err error) { return 0, nil }
func apply(f func(x int) int)                    {}
func two(a, b int)                               {}
func anon(int, string)                           {}

func main() {
	var x int = compute
	var y int = two
	var z int = anon
	apply(3)
	apply(func(y int) {})
	var h func() = func(a, b Point, c ...int) (n int) { return 0 }
	var p Point
	var m int = p.Move
	var wg sync.WaitGroup
	wg.Go(func(i int) {})
	var k int = func(xs ...int) []int { return xs }
	_, _, _, _, _, _ = x, y, z, h, m, k
}
