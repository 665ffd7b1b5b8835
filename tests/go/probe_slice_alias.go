package main

import "fmt"

func main() {
	s := make([]int, 3, 10)
	a := append(s, 1)
	b := append(s, 2)
	fmt.Println(a, b, len(a), cap(a))
	t := []int{0, 1, 2, 3, 4, 5}
	u := t[1:3]
	fmt.Println(u, len(u), cap(u))
	u = append(u, 100)
	fmt.Println(t, u)
	v := t[1:3:3]
	fmt.Println(len(v), cap(v))
	v = append(v, 200)
	v[0] = -1
	fmt.Println(t, v)
	w := t[2:]
	w[0] = 42
	fmt.Println(t[2], t[:0], len(t[:0]), cap(t[4:]))
	x := []int{1, 2, 3, 4, 5}
	n := copy(x[1:], x)
	fmt.Println(n, x)
	y := []int{1, 2, 3, 4, 5}
	n = copy(y, y[2:])
	fmt.Println(n, y)
	bs := make([]byte, 3)
	n = copy(bs, "héllo")
	fmt.Println(n, bs)
	var nilS []int
	fmt.Println(nilS == nil, len(nilS), nilS, append(nilS, 1))
	e := []int{}
	fmt.Println(e == nil, e)
	g := t[:2]
	g = append(g, 7, 8)
	fmt.Println(t)
	mat := [][]int{{1, 2}, {3}}
	row := mat[0]
	row[1] = 20
	fmt.Println(mat)
	arr := [4]int{1, 2, 3, 4}
	sl := arr[1:3]
	sl[0] = 9
	sl = append(sl, 10)
	fmt.Println(arr, sl, cap(sl))
}
