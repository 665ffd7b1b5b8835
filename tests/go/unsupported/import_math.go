package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Sqrt(2))
}
