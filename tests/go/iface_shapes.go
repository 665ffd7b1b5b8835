package main

import "fmt"

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }

type Circle struct{ R float64 }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }

func (c *Circle) Area() float64      { return 3 * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 6 * c.R }

func total(shapes ...Shape) (area float64) {
	for _, s := range shapes {
		area += s.Area()
	}
	return
}

func main() {
	shapes := []Shape{Rect{3, 4}, &Circle{2}, Rect{W: 1.5, H: 2}}
	for i, s := range shapes {
		fmt.Printf("%d %T area=%.2f perimeter=%g\n", i, s, s.Area(), s.Perimeter())
	}
	fmt.Println(total(shapes...))
	var s Shape
	fmt.Println(s == nil, s)
	s = Rect{1, 1}
	fmt.Println(s, s.Area())
	fmt.Printf("%v %+v\n", s, s)
}
