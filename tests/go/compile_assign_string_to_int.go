// Compile error: a string constant assigned to an int variable.
package main

import "fmt"

func main() {
	var n int
	n = "a"
	fmt.Println(n)
}
