package main

import "fmt"

type T struct{ X int }

func main() {
	var s []int
	var m map[string]int
	var err error
	var p *T
	var a any
	var ch chan int
	var f func()
	fmt.Println(s, m, err, p, a)
	fmt.Println(ch == nil, f == nil)
	fmt.Printf("%v %v %v %v %v\n", s, m, err, p, a)
	fmt.Printf("%+v %+v %+v\n", s, p, a)
	fmt.Printf("%#v %#v %#v %#v\n", s, m, p, a)
	fmt.Printf("%d %s\n", s, s)
	fmt.Printf("%T %T %T %T\n", s, m, p, a)
	fmt.Println([]*T{nil, {1}}[0], []any{nil, 1})
	fmt.Println(map[string]*T{"a": nil})
	es := []int{}
	em := map[string]int{}
	fmt.Println(es, em, len(es), es == nil)
	fmt.Printf("%#v %#v\n", es, em)
	fmt.Printf("[%s] [%v]\n", "", "")
}
