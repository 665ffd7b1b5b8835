// Runtime panic with a message built by fmt.Sprintf.
package main

import "fmt"

func main() {
	user, limit := "zoé", 3
	fmt.Println("checking")
	panic(fmt.Sprintf("user %q exceeded the limit of %d requests", user, limit))
}
