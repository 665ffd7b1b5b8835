package main

import "fmt"

type Namer interface{ Name() string }

type Base struct{ ID int }

func (b Base) Name() string { return fmt.Sprint("base", b.ID) }

type PBase struct{ Tag string }

func (p *PBase) Name() string { return "p" + p.Tag }
func (p *PBase) Set(t string) { p.Tag = t }

type A struct {
	Base
	X int
}

type B struct {
	*PBase
	Y int
}

type C struct {
	A
	Z string
}

func main() {
	a := A{Base{1}, 2}
	var n Namer = a
	fmt.Println(n.Name())
	n = &a
	fmt.Println(n.Name())
	b := B{&PBase{"q"}, 3}
	n = b
	b.Set("r")
	fmt.Println(n.Name(), b.Tag)
	c := C{A{Base{9}, 8}, "z"}
	n = c
	fmt.Println(n.Name(), c.ID, c.A.Base.ID)
	fmt.Printf("%v\n", a)
	fmt.Printf("%+v\n", a)
	fmt.Printf("%+v\n", c)
	fmt.Printf("%v %+v\n", b.Y, B{nil, 4})
	var ns []Namer = []Namer{a, &a, c, b}
	for _, x := range ns {
		fmt.Printf("%T %s\n", x, x.Name())
	}
}
