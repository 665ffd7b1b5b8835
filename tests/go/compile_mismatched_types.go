// Compile error: adding an int and a string.
package main

import "fmt"

func main() {
	a := 1
	s := "deux"
	fmt.Println(a + s)
}
