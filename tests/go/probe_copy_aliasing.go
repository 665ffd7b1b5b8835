package main

import "fmt"

type P struct {
	X   int
	Arr [2]int
}

var global = P{X: 1}

func get() P { return global }

func main() {
	ch := make(chan P, 1)
	p := P{X: 1}
	ch <- p
	p.X = 2
	q := <-ch
	fmt.Println(q.X, p.X)
	var s []P
	s = append(s, p)
	p.Arr[0] = 9
	fmt.Println(s[0].Arr, p.Arr)
	m := map[string]P{"a": p}
	p.X = 3
	for _, v := range m {
		v.X = 100
		fmt.Println(v.X, m["a"].X)
	}
	g := get()
	g.X = 50
	fmt.Println(global.X, get().X)
	arrs := [][2]int{{1, 2}}
	a := arrs[0]
	a[0] = 7
	fmt.Println(arrs, a)
	ma := map[string][2]int{"k": {1, 2}}
	b := ma["k"]
	b[1] = 8
	fmt.Println(ma, b)
	var anyv any = p
	p.Arr[1] = 4
	fmt.Println(anyv.(P).Arr, p.Arr)
	ps := []P{{X: 1}}
	first := ps[0]
	ps[0].X = 11
	fmt.Println(first.X, ps[0].X)
	ms := map[int]P{1: {X: 5}}
	r := ms[1]
	ms[1] = P{X: 6}
	fmt.Println(r.X, ms[1].X)
	nested := map[string]map[string]P{"o": {"i": {X: 1}}}
	inner := nested["o"]["i"]
	inner.X = 2
	fmt.Println(nested["o"]["i"].X, inner.X)
}
