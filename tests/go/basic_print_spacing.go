package main

import "fmt"

func main() {
	fmt.Print("a", "b", "\n")
	fmt.Print(1, 2, "\n")
	fmt.Print("x", 1, 2, "y", 3.5, true, false, "\n")
	fmt.Print(1, "two", 3, "\n")
	fmt.Print([]int{1}, []int{2}, "\n")
	fmt.Print(nil, nil, "\n")
	fmt.Println("a", "b", 1, 2)
	s := fmt.Sprint("x", 1, 2, "y", 'r', 3)
	fmt.Println(s, len(s))
	fmt.Printf("[%s]\n", fmt.Sprintln("end", 1, 2))
}
