package main

import (
	"fmt"
	"runtime"
)

type oops struct{}

func (oops) Error() string { return "oops" }

func main() {
	var e runtime.Error = oops{}
	fmt.Println(e)
}
