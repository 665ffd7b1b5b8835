package main

import "fmt"

type S struct{ X int }

type I interface{ Get() int }

func (s S) Get() int { return s.X }

func main() {
	s := S{1}
	var a any = s
	s.X = 2
	fmt.Println(a.(S).X, s.X)
	var i1, i2 I = S{3}, S{3}
	fmt.Println(i1 == i2, i1 != S{4}, a == any(S{1}))
	p := &S{5}
	var i3 I = p
	p.X = 6
	fmt.Println(i3.Get(), i3 == I(p))
	arr := [2]int{1, 2}
	var aa any = arr
	arr[0] = 9
	fmt.Println(aa, aa == any([2]int{1, 2}))
	var x, y any = 1, 1.0
	fmt.Println(x == y, x == any(1), any(int64(1)) == any(1))
	var n1 any
	var n2 I
	fmt.Println(n1 == nil, n2 == nil, n1 == any(nil))
	get := i1.Get
	i1 = S{7}
	fmt.Println(get(), i1.Get())
	m := map[any]string{1: "int", "1": "str", S{1}: "S", [2]int{}: "arr"}
	fmt.Println(m[1], m["1"], m[S{1}], m[[2]int{}], len(m))
	defer func() { fmt.Println("recovered:", recover()) }()
	var u1, u2 any = []int{1}, []int{1}
	fmt.Println(u1 == u2)
}
