// Complex numbers are outside the notebook's subset.
package main

import "fmt"

func main() {
	c := 3 + 2i
	fmt.Println(c * c)
	fmt.Println(real(c), imag(c))
}
