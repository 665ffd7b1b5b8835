package main

import "fmt"

func main() {
	a := 1
	b := "x"
	var c int = "s"
	d := a + b
	e := undefinedFn()
	var f bool = 1
	g := a.Field
	h := len(5)
	i := b * 2
	j := c[0]
	k := nil
	l := append(a, 1)
	m := <-a
	fmt.Println(d, e, f, g, h, i, j, k, l, m)
}
