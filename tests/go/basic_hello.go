package main

import "fmt"

func main() {
	fmt.Println("Bonjour, les goroutines !")
	fmt.Println("a", 1, true, 2.5, 'x', nil)
	fmt.Print("no newline", " here")
	fmt.Print("\n")
	fmt.Println()
	fmt.Println("")
	fmt.Println("tab\tand \"quotes\"")
}
