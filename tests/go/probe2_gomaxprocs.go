package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println(runtime.GOMAXPROCS(0) >= 1, runtime.NumCPU() >= 1)
	fmt.Println(runtime.NumGoroutine())
}
