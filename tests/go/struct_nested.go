package main

import "fmt"

type Address struct {
	City string
	Zip  int
}

type Employee struct {
	Name    string
	Addr    Address
	Manager *Employee
	Skills  []string
	Scores  map[string]int
}

func main() {
	boss := &Employee{Name: "Ana", Addr: Address{"Lyon", 69000}}
	e := Employee{
		Name:    "Léo",
		Addr:    Address{City: "Paris", Zip: 75001},
		Manager: boss,
		Skills:  []string{"go", "rust"},
		Scores:  map[string]int{"q2": 7, "q1": 9},
	}
	fmt.Println(e.Addr.City, e.Manager.Name, e.Manager.Addr.Zip)
	fmt.Printf("%v\n", e.Addr)
	fmt.Printf("%+v\n", e.Addr)
	fmt.Printf("%#v\n", e.Addr)
	fmt.Println(*boss)
	fmt.Printf("%+v\n", *boss)
	team := []Employee{{Name: "A"}, {Name: "B", Skills: []string{"x"}}}
	fmt.Println(len(team), team[1].Skills)
	byCity := map[string]Address{"p": {"Paris", 1}, "l": {"Lyon", 2}}
	fmt.Println(byCity)
	e.Scores["q3"] = 5
	fmt.Println(e.Scores)
}
