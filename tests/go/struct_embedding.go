package main

import "fmt"

type Animal struct {
	Name string
	Legs int
}

func (a Animal) Describe() string { return fmt.Sprintf("%s has %d legs", a.Name, a.Legs) }

func (a *Animal) Rename(n string) { a.Name = n }

func (a Animal) Kind() string { return "animal" }

type Dog struct {
	Animal
	Breed string
}

func (d Dog) Kind() string { return "dog (" + d.Animal.Kind() + ")" }

type Logger struct{ prefix string }

func (l Logger) Log(msg string) { fmt.Println(l.prefix + msg) }

type Service struct {
	*Logger
	Name string
}

func main() {
	d := Dog{Animal{"Rex", 4}, "labrador"}
	fmt.Println(d.Name, d.Legs, d.Breed)
	fmt.Println(d.Describe())
	d.Rename("Max")
	fmt.Println(d.Describe(), d.Kind())
	fmt.Printf("%v\n%+v\n", d, d)
	s := Service{&Logger{"[svc] "}, "api"}
	s.Log("started " + s.Name)
	s.prefix = "[new] "
	s.Log("changed")
}
