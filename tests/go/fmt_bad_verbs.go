package main

import "fmt"

func main() {
	fmt.Printf("%s %d\n", "only one")
	fmt.Printf("%d\n", "str")
	fmt.Printf("%s\n", 12)
	fmt.Printf("%t\n", 1)
	fmt.Printf("extra %d\n", 1, 2)
	fmt.Printf("no verbs\n", "x")
	fmt.Printf("%z\n", 3)
	fmt.Println(fmt.Sprintf("%d %d", 1))
	fmt.Printf("%!\n")
}
