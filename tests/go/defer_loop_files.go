package main

import "fmt"

type Resource struct{ name string }

func open(name string) *Resource {
	fmt.Println("open", name)
	return &Resource{name}
}

func (r *Resource) Close() { fmt.Println("close", r.name) }

func process(names []string) {
	for _, n := range names {
		func() {
			r := open(n)
			defer r.Close()
			fmt.Println("use", r.name)
		}()
	}
}

func all(names []string) {
	for _, n := range names {
		r := open(n)
		defer r.Close()
	}
	fmt.Println("all opened")
}

func main() {
	process([]string{"a", "b"})
	all([]string{"x", "y", "z"})
}
