package main

import "fmt"

type point [2]float64

func main() {
	s := []int{1, 2, 3, 4}
	a := [3]int(s)
	a[0] = 100
	fmt.Println(a, s)

	b := [2]int(s[2:])
	fmt.Println(b, len(b))

	var empty []string
	fmt.Println([0]string(empty), len([0]string(empty)))

	grid := [][2]int{{1, 2}, {3, 4}}
	g := [2][2]int(grid)
	g[1][1] = 40
	fmt.Println(g, grid)

	p := point([]float64{1.5, 2.5})
	fmt.Printf("%v %T\n", p, p)

	defer func() {
		r := recover()
		fmt.Printf("%T: %v\n", r, r)
	}()
	short := s[:1]
	fmt.Println([2]int(short))
}
