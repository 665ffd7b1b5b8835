package main

import "fmt"

type C struct{ n int }

func (c *C) Inc() { c.n++ }

func get() C { return C{} }

func main() {
	m := map[string]C{"a": {}}
	m["a"].Inc()
	get().Inc()
	C{}.Inc()
	fmt.Println(m)
}
