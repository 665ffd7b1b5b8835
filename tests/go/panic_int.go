// Runtime panic with an int value.
package main

import "fmt"

func main() {
	code := 42
	fmt.Println("about to panic with", code)
	panic(code)
}
