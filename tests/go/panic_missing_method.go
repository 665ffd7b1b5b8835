package main

import "fmt"

type Walker interface {
	Walk() string
}

type Fish struct{ Name string }

func (f Fish) Swim() string { return f.Name + " swims" }

func main() {
	var a any = Fish{"Nemo"}
	fmt.Println(a.(Fish).Swim())
	w := a.(Walker)
	fmt.Println(w.Walk())
}
