// Compile error: assignment to a name that was never declared.
package main

import "fmt"

func main() {
	x := 1
	z = x + 1
	fmt.Println(x)
}
