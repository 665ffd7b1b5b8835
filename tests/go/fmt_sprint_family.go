package main

import "fmt"

func main() {
	a := fmt.Sprint("x", 1, 2, "y")
	b := fmt.Sprint(1, 2)
	c := fmt.Sprint("a", "b")
	d := fmt.Sprintln("a", 1, "b")
	e := fmt.Sprintf("%03d-%s", 7, "z")
	fmt.Printf("%q %q %q %q %q\n", a, b, c, d, e)
	fmt.Print(1.5, 2.5, "\n")
	fmt.Print(true, false, "\n")
	fmt.Print("a", 1, "\n")
	fmt.Print(1, "a", "\n")
	fmt.Print(1, 'a', "\n")
	fmt.Print(fmt.Errorf("e1"), fmt.Errorf("e2"), "\n")
	fmt.Println(fmt.Sprint(), fmt.Sprint(nil), fmt.Sprint([]int(nil)))
	n := len(fmt.Sprintln())
	fmt.Println(n)
	msg := fmt.Sprintf("%s has %d items costing %.2f (%t)", "cart", 3, 9.5, true)
	fmt.Println(msg)
}
