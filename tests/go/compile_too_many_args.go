package main

import "fmt"

func greet(name string) string {
	return "hi " + name
}

func main() {
	fmt.Println(greet("a", "b", 3))
	fmt.Println(greet())
}
