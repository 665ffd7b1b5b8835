package main

import "fmt"

func double(a [3]int) [3]int {
	for i := range a {
		a[i] *= 2
	}
	return a
}

func main() {
	var a [3]int
	a[1] = 5
	b := [3]int{1, 2, 3}
	c := [...]string{"x", "y"}
	d := [5]int{1: 10, 3: 30}
	fmt.Println(a, b, c, d, len(c), len(d))
	e := b
	e[0] = 100
	fmt.Println(b, e, double(b), b)
	fmt.Println(b == [3]int{1, 2, 3}, b != e)
	var grid [2][3]int
	grid[1][2] = 9
	fmt.Println(grid, len(grid[0]))
	p := &b
	p[2] = 33
	fmt.Println(b, *p)
	fmt.Printf("%v %T\n", c, c)
}
