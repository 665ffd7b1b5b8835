package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("not printed")
	fmt.Print("partial line without newline")
	os.Exit(0)
}
