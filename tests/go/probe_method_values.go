package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) Inc()         { c.n++ }
func (c Counter) Get() int      { return c.n }
func (c Counter) Add(d int) int { return c.n + d }

func apply(f func(), times int) {
	for i := 0; i < times; i++ {
		f()
	}
}

func main() {
	c := Counter{}
	inc := c.Inc
	apply(inc, 3)
	fmt.Println(c.n)
	get := c.Get
	c.n = 100
	fmt.Println(get(), c.Get())
	f := Counter.Add
	fmt.Println(f(c, 5))
	c.Inc()
	fmt.Printf("%T\n", f)
	fmt.Printf("%T\n", inc)
	p := &c
	pg := p.Get
	p.n = 7
	fmt.Println(pg(), p.Get())
	fs := []func() int{c.Get, p.Get}
	c.n = 8
	fmt.Println(fs[0](), fs[1]())
}
