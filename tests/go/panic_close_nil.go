// Runtime panic: closing a nil channel.
package main

import "fmt"

func main() {
	var ch chan string
	fmt.Println(ch == nil)
	close(ch)
}
