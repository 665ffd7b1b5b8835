package main

import "fmt"

type Inner struct {
	A int
	B string
}

type Outer struct {
	Name  string
	In    Inner
	Ptr   *Inner
	List  []Inner
	Tags  map[string]int
	Any   any
	flags []bool
}

func main() {
	in := Inner{1, "x"}
	o := Outer{Name: "o", In: in, Ptr: &Inner{2, "y"}, List: []Inner{in, {3, "z"}}, Tags: map[string]int{"b": 2, "a": 1}, Any: in}
	fmt.Printf("%v\n", o.In)
	fmt.Printf("%+v\n", o.In)
	fmt.Printf("%#v\n", o.In)
	fmt.Printf("%v\n", o.Ptr)
	fmt.Printf("%+v\n", o.Ptr)
	fmt.Printf("%v\n", o.List)
	fmt.Printf("%+v\n", o.List)
	fmt.Printf("%#v\n", o.List)
	fmt.Printf("%v\n", o.Tags)
	fmt.Printf("%#v\n", o.Tags)
	fmt.Printf("%v %+v\n", o.Any, o.flags)
	var empty Outer
	fmt.Printf("%v\n", empty)
	fmt.Printf("%+v\n", empty)
	fmt.Println([]*Inner{}, [2]Inner{})
	fmt.Printf("%#v %#v %#v\n", []int{1}, "q", 3.0)
	fmt.Printf("%#v %#v\n", map[int]bool{2: true}, struct{}{})
}
