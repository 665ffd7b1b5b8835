// Deadlock: main receives from a nil channel.
package main

import "fmt"

func main() {
	var ch chan int
	fmt.Println("receiving from a nil channel")
	<-ch
}
