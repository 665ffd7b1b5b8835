package main

import (
	"errors"
	"fmt"
)

func main() {
	err := errors.New("database unreachable")
	fmt.Println("starting")
	if err != nil {
		panic(err)
	}
}
