package main

import "fmt"

var trace []string

func t(s string, v int) int {
	trace = append(trace, s)
	return v
}

type T struct{ n int }

func (x T) Show()   { fmt.Println("show", x.n) }
func (x *T) PShow() { fmt.Println("pshow", x.n) }

func main() {
	a := []int{0, 0, 0}
	i := 0
	i, a[i] = 1, 9
	fmt.Println(i, a)
	a[i], i = 5, 2
	fmt.Println(i, a)
	x, y := 1, 2
	x, y = y, x+y
	fmt.Println(x, y)
	_ = t("a", 1) + t("b", 2)*t("c", 3)
	m := map[int]int{t("k", 1): t("v", 2)}
	fmt.Println(trace, m)
	tv := T{1}
	defer tv.Show()
	defer tv.PShow()
	defer fmt.Println("arg", tv.n)
	tv.n = 2
	s := []int{1, 2, 3}
	for i, v := range s {
		if i == 0 {
			s[2] = 30
			s = append(s, 4)
		}
		fmt.Print(v, " ")
	}
	fmt.Println(len(s))
	arr := [3]int{1, 2, 3}
	for i, v := range arr {
		if i == 0 {
			arr[2] = 30
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
}
