package main

import "fmt"

type Point struct{ X, Y int }

type Pair struct {
	A, B Point
}

func main() {
	p1 := Point{1, 2}
	p2 := Point{1, 2}
	p3 := Point{Y: 2}
	fmt.Println(p1 == p2, p1 == p3, p1 != p3)
	visits := map[Point]int{}
	visits[p1]++
	visits[p2]++
	visits[p3]++
	fmt.Println(visits[Point{1, 2}], len(visits))
	pr := Pair{p1, p3}
	q := pr
	q.A.X = 99
	fmt.Println(pr, q, pr == q)
	ptr1, ptr2 := &Point{1, 1}, &Point{1, 1}
	fmt.Println(ptr1 == ptr2, *ptr1 == *ptr2)
	arr := [2]Point{p1, p3}
	fmt.Println(arr == [2]Point{{1, 2}, {0, 2}})
}
