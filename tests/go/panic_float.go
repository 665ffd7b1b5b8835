// Runtime panic with a float64 value.
package main

import "fmt"

func main() {
	ratio := 3.5
	fmt.Println("ratio", ratio)
	panic(ratio)
}
