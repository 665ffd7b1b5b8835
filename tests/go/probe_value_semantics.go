package main

import "fmt"

type Pt struct{ X, Y int }

type Box struct {
	P    Pt
	Arr  [2]int
	Tags []string
}

func mod(b Box) Box {
	b.P.X = 99
	b.Arr[0] = 99
	b.Tags[0] = "mod"
	return b
}

func main() {
	a := Box{Pt{1, 2}, [2]int{3, 4}, []string{"t"}}
	b := a
	b.P.Y = 20
	b.Arr[1] = 40
	fmt.Println(a, b)
	c := mod(a)
	fmt.Println(a, c)
	pts := []Pt{{1, 1}, {2, 2}}
	for _, p := range pts {
		p.X = 50
	}
	fmt.Println(pts)
	for i := range pts {
		pts[i].X = 60
	}
	fmt.Println(pts)
	m := map[string]Pt{"a": {1, 2}}
	p := m["a"]
	p.X = 7
	fmt.Println(m, p)
	arr := [3]Pt{}
	arr2 := arr
	arr2[0].X = 5
	fmt.Println(arr, arr2, arr == arr2, arr == [3]Pt{})
	q := &pts[1]
	q.Y = 77
	r := &a.P.X
	*r = 123
	fmt.Println(pts, a.P)
	fmt.Println(Pt{1, 2} == Pt{1, 2}, Pt{1, 2} != Pt{2, 1})
	type Nest struct {
		In  Pt
		Arr [2]Pt
	}
	n1 := Nest{Pt{1, 1}, [2]Pt{{2, 2}, {3, 3}}}
	n2 := n1
	n2.Arr[1].X = 9
	fmt.Println(n1 == n2, n1, n2)
}
