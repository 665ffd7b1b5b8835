// Compile error: constants that overflow int8 and uint.
package main

import "fmt"

func main() {
	var small int8 = 200
	var u uint = -1
	fmt.Println(small, u)
}
