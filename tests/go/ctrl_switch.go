package main

import "fmt"

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 75:
		return "B"
	default:
		return "C"
	}
}

func main() {
	for _, d := range []string{"sam", "mar", "dim", "xyz"} {
		switch d {
		case "sam", "dim":
			fmt.Println(d, "weekend")
		case "lun", "mar", "mer":
			fmt.Println(d, "semaine")
		default:
			fmt.Println(d, "inconnu")
		}
	}
	fmt.Println(grade(95), grade(80), grade(10))
	switch n := 2; n {
	case 1:
		fmt.Println("one")
	case 2:
		fmt.Println("two")
		fallthrough
	case 3:
		fmt.Println("three (fallthrough)")
		fallthrough
	case 4:
		fmt.Println("four (fallthrough)")
	case 5:
		fmt.Println("five")
	}
	x := 5
	switch {
	case x > 3:
		if x == 5 {
			break
		}
		fmt.Println("not printed")
	}
	switch x {
	}
	fmt.Println("end")
}
