package main

import "fmt"

type Person struct {
	Name string
	Age  int
	tags []string
}

func main() {
	p := Person{Name: "Alice", Age: 30}
	q := Person{"Bob", 25, []string{"x"}}
	var z Person
	fmt.Println(p, q, z)
	fmt.Printf("%v\n%+v\n%#v\n", p, q, z)
	p.Age++
	fmt.Println(p.Name, p.Age, len(p.tags), p.tags == nil)
	anon := struct {
		X, Y int
	}{1, 2}
	fmt.Println(anon, anon.X+anon.Y)
	copyOfP := p
	copyOfP.Name = "Changed"
	fmt.Println(p.Name, copyOfP.Name, p.Name != copyOfP.Name)
	empty := struct{}{}
	fmt.Println(empty)
}
