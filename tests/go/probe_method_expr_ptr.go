package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) Inc()    { c.n++ }
func (c Counter) Get() int { return c.n }

func main() {
	c := Counter{}
	inc := (*Counter).Inc
	inc(&c)
	inc(&c)
	get := (*Counter).Get
	fmt.Println(get(&c), Counter.Get(c))
	fmt.Printf("%T %T\n", inc, get)
	fs := map[string]func(*Counter){"inc": (*Counter).Inc}
	fs["inc"](&c)
	fmt.Println(c.n)
}
