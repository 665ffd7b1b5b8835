package main

import "fmt"

const Pi = 3.14159
const Greeting = "salut"

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

var global = 10

func main() {
	var a int
	var b, c = 2, "deux"
	var (
		d float64 = 1.5
		e bool
	)
	f := 'z'
	g, h := 7, 8
	g, h = h, g
	global++
	fmt.Println(a, b, c, d, e, f, g, h, global)
	fmt.Println(Pi, Greeting, KB, MB, GB)
	var p *int
	var s []string
	var m map[string]int
	var err error
	fmt.Println(p, s, m, err, len(s), len(m))
	const typed int64 = 5
	fmt.Printf("%T %T %T %T %T\n", typed, Pi, f, b, c)
}
