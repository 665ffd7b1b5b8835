// fib(30) by naive recursion: the interpreter's CPU yardstick (run natively by Go too).
package main

import (
	"fmt"
	"time"
)

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	start := time.Now()
	r := fib(30)
	fmt.Println(r, time.Since(start).Microseconds())
}
