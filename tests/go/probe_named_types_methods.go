package main

import (
	"fmt"
	"strings"
)

type Celsius float64
type MyInt int
type List []string
type Set map[string]bool

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }
func (m MyInt) Double() MyInt    { return m * 2 }
func (m *MyInt) Inc()            { *m++ }
func (l List) Join() string      { return strings.Join(l, "+") }
func (l *List) Add(s string)     { *l = append(*l, s) }
func (s Set) Has(k string) bool  { return s[k] }

type Op func(int) int

func (o Op) Twice(x int) int { return o(o(x)) }

func main() {
	c := Celsius(21.5)
	fmt.Println(c, c+1, []Celsius{1, 2})
	fmt.Printf("%v %.2f %T\n", c, c, c)
	var m MyInt = 4
	m.Inc()
	fmt.Println(m.Double(), MyInt(3).Double(), int(m)+1)
	var l List
	l.Add("a")
	l.Add("b")
	fmt.Println(l.Join(), len(l), l)
	s := Set{"x": true}
	fmt.Println(s.Has("x"), s.Has("y"))
	inc := Op(func(x int) int { return x + 1 })
	fmt.Println(inc.Twice(5))
	type Local struct{ A int }
	fmt.Printf("%T %v\n", Local{1}, Local{2})
	var f float64 = float64(c) * 2
	fmt.Println(f, Celsius(f) > c)
}
