package main

import "fmt"

type Logger interface{ Log(string) }

type Console struct{ prefix string }

func (c Console) Log(s string) { fmt.Println(c.prefix + s) }

type Service struct {
	Logger
	Name string
}

type Inner struct{ V int }

func (i *Inner) Bump() { i.V++ }

type Outer struct {
	*Inner
	Tag string
}

func main() {
	s := Service{Console{"> "}, "svc"}
	s.Log("hello")
	var l Logger = s
	l.Log("via iface")
	fmt.Printf("%+v\n", s)
	o := Outer{&Inner{1}, "t"}
	o.Bump()
	o2 := o
	o2.Bump()
	fmt.Println(o.V, o2.V, o.Inner == o2.Inner)
	defer func() { fmt.Println("recovered:", recover()) }()
	empty := Service{Name: "none"}
	fmt.Println(empty.Logger == nil)
	var bad Outer
	bad.Bump()
}
