package main

import "fmt"

func main() {
	s := make([]int, 3, 10)
	fmt.Println(s, len(s), cap(s))
	t := []int{1, 2, 3, 4, 5}
	u := t[1:3]
	fmt.Println(u, len(u), cap(u))
	u[0] = 20
	fmt.Println(t)
	v := t[:2:3]
	fmt.Println(v, len(v), cap(v), t[3:], t[:0], len(t[5:]))
	var w []int
	fmt.Println(w == nil, len(w), w)
	w = append(w, 1)
	w = append(w, 2, 3)
	w = append(w, t...)
	fmt.Println(w, len(w))
	dst := make([]int, 3)
	n := copy(dst, t)
	fmt.Println(n, dst)
	n = copy(dst, []int{9})
	fmt.Println(n, dst)
	matrix := [][]string{{"a"}, {"b", "c"}, {}}
	fmt.Println(matrix, len(matrix[2]))
	bs := make([]byte, 0, 4)
	bs = append(bs, "hi"...)
	fmt.Println(bs, string(bs), cap(bs))
}
