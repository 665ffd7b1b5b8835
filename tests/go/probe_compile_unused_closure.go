package main

import (
	"fmt"
	"os"
	"strings"
	"time"
)

func main() {
	f := func() {
		x := 1
		y := 2
		fmt.Println(y)
	}
	f()
	time.Sleep(1)
}
