// Compile error: an undefined variable and an undefined function.
package main

import "fmt"

func main() {
	x := 1
	fmt.Println(x + y)
	undefinedFunc(x)
}
