package main

import "fmt"

type Animal interface{ Sound() string }

type Dog struct{ name string }

func (d Dog) Sound() string { return d.name + ": wouf" }

func main() {
	var x any = 42
	n := x.(int)
	fmt.Println(n + 1)
	s, ok := x.(string)
	fmt.Printf("%q %v\n", s, ok)
	f, ok := x.(float64)
	fmt.Println(f, ok)
	var a Animal = Dog{"rex"}
	d, ok := a.(Dog)
	fmt.Println(d.name, ok, d.Sound())
	var y interface{} = Dog{"fido"}
	if an, ok := y.(Animal); ok {
		fmt.Println("is an animal:", an.Sound())
	}
	var none any
	_, ok = none.(int)
	fmt.Println(ok)
	var e any = fmt.Errorf("oops")
	if err, ok := e.(error); ok {
		fmt.Println("error:", err)
	}
}
