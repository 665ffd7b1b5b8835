// Compile error: a missing closing parenthesis.
package main

import "fmt"

func main() {
	fmt.Println("missing paren"
	x := 1
	fmt.Println(x)
}
