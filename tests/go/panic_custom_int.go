package main

import "fmt"

type Code int

func fail(c Code) {
	fmt.Println("failing with code", int(c))
	panic(c)
}

func main() {
	fail(Code(7))
}
