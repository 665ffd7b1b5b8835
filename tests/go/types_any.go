package main

import "fmt"

func main() {
	var things []any
	things = append(things, 1, "two", 3.0, []string{"four"}, map[string]int{"five": 5}, nil, struct{}{})
	for i, t := range things {
		fmt.Printf("%d: %v (%T)\n", i, t, t)
	}
	var i interface{} = 10
	var j any = 10
	fmt.Println(i == j, i != nil)
	i = "now a string"
	fmt.Println(i)
	box := map[string]any{"n": 1, "s": "x", "b": false}
	fmt.Println(box)
}
