package main

import "fmt"

type Dog struct{ Name string }

func (d Dog) Bark() string { return d.Name + " barks" }

func main() {
	d := Dog{"Rex"}
	fmt.Println(d.Bark())
	fmt.Println(d.Meow())
	fmt.Println(d.Age)
}
