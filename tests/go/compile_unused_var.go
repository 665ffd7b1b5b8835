// Compile error: a local variable declared and never used.
package main

import "fmt"

func main() {
	x := 10
	y := 20
	fmt.Println(y)
}
