package main

import "fmt"

func get() (int, error) { return 7, nil }

func main() {
	x := 1
	if x := 2; x > 1 {
		fmt.Println("if", x)
		x := 3
		fmt.Println("inner", x)
	} else if y := x * 10; y > 0 {
		fmt.Println("else", x, y)
	}
	fmt.Println("after if", x)
	for x := 0; x < 2; x++ {
		x := x + 100
		fmt.Println("for", x)
	}
	switch x := "s"; x {
	case "s":
		x := 5
		fmt.Println("switch", x)
	}
	v, err := get()
	if v, err := get(); err == nil {
		v++
		fmt.Println("shadowed v", v)
	}
	fmt.Println(v, err, x)
	var n int
	{
		n := 9
		_ = n
	}
	n, m := 4, 5
	fmt.Println(n, m)
}
