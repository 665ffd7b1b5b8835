package main

import "fmt"

func classify(n int) string {
	switch {
	case n < 0:
		return "neg"
	case n == 0:
		return "zero"
	case n < 10:
		return "small"
	}
	return "big"
}

func main() {
	for _, n := range []int{-1, 0, 5, 50} {
		fmt.Print(classify(n), " ")
	}
	fmt.Println()
	switch x := 3; {
	case x > 2:
		fmt.Println("gt2")
		fallthrough
	case x > 100:
		fmt.Println("fell")
		fallthrough
	default:
		fmt.Println("default")
	}
	switch y := 2; y {
	case 1, 2, 3:
		fmt.Println("low", y)
		fallthrough
	case 4:
		fmt.Println("four")
	case 5:
		fmt.Println("five")
	}
	switch z := 9; z {
	default:
		fmt.Println("def first")
		fallthrough
	case 1:
		fmt.Println("one")
	}
	f := func() int { fmt.Println("eval"); return 2 }
	switch f() {
	case 1:
	case f():
		fmt.Println("matched f")
	}
}
