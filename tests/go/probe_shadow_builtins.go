package main

import "fmt"

func main() {
	len := func(s []int) int { return 42 }
	fmt.Println(len([]int{1}))
	true := false
	fmt.Println(true, !true)
	nil := 5
	fmt.Println(nil + 1)
	{
		string := 3
		fmt.Println(string * 2)
	}
	var s = "alias"
	fmt.Printf("%T %v\n", s, s)
	iota := 7
	fmt.Println(iota)
	copy := "c"
	fmt.Println(copy)
	type int struct{ v float64 }
	x := int{1.5}
	fmt.Printf("%T %v\n", x, x)
	var print = fmt.Sprint
	fmt.Println(print("p", 1))
}
