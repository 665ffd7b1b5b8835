package main

import (
	"errors"
	"fmt"
)

type S string

func main() {
	fmt.Println(fmt.Sprint("a", "b", 1, 2, "c", 3.5, true, false))
	fmt.Println(fmt.Sprint(1, "x", 2))
	fmt.Println(fmt.Sprint(S("a"), S("b"), 'r', nil, nil))
	fmt.Println(fmt.Sprint([]int{1}, []int{2}, errors.New("e"), errors.New("f")))
	fmt.Println(fmt.Sprint(1.5, 2, "z", 'q'))
	fmt.Print("a", 1, 2, "b\n")
	fmt.Print(1, 2, "\n")
	fmt.Println(fmt.Sprintln("x", 1) + "|")
	var e error
	fmt.Println(fmt.Sprint(e, 3, e))
	fmt.Println(fmt.Sprint(struct{}{}, struct{}{}), fmt.Sprint(&[]int{1}, 2))
	fmt.Print()
	fmt.Print("")
	fmt.Println()
}
