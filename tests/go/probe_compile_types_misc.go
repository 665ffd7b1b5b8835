package main

import (
	"fmt"
	str "strings"
)

type WithSlice struct{ S []int }

func main() {
	a, b := WithSlice{}, WithSlice{}
	fmt.Println(a == b)
	m := map[[]int]string{}
	s := "abc"
	s[0] = 'x'
	x := 1
	x == 1
	x()
	var f func()
	fmt.Println(f == f, m, s)
}
