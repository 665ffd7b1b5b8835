package main

import "fmt"

type Counter struct {
	name string
	n    int
}

func (c Counter) Value() int { return c.n }

func (c Counter) IncByValue() { c.n++ }

func (c *Counter) Inc() { c.n++ }

func (c *Counter) Reset() *Counter {
	c.n = 0
	return c
}

func main() {
	c := Counter{name: "clicks"}
	c.Inc()
	c.Inc()
	c.IncByValue()
	fmt.Println(c.Value(), c)
	p := &c
	p.Inc()
	fmt.Println(p.Value(), c.n)
	fmt.Println(c.Reset().Value())
	f := c.Inc
	f()
	f()
	fmt.Println(c.n)
	g := Counter.Value
	fmt.Println(g(Counter{n: 9}))
	counters := []Counter{{"a", 1}, {"b", 2}}
	for i := range counters {
		counters[i].Inc()
	}
	for _, k := range counters {
		k.Inc()
	}
	fmt.Println(counters)
}
