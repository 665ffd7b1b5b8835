package main

import (
	"fmt"
	"time"
)

func main() {
	names := []string{"fetch", "parse", "store"}
	times := []time.Duration{120 * time.Millisecond, 3 * time.Second, 45 * time.Microsecond}
	for i, n := range names {
		fmt.Printf("%-8s|%10v|%6.2f%%\n", n, times[i], float64(i+1)*33.333)
	}
	fmt.Printf("%08.3f|%+d|%x|%X|%o|%b\n", 3.14159, 42, 255, 255, 8, 5)
	fmt.Printf("%5t|%-5t|%q|%v\n", true, false, "hi\n", 'x')
	fmt.Printf("%3d|%-3d|%03d\n", 7, 7, 7)
	fmt.Printf("%*d|%-*d|\n", 5, 1, 4, 2)
	fmt.Printf("%.3s|%10.2s|\n", "goroutine", "channel")
	fmt.Printf("%e|%g|%.3g\n", 123456.789, 0.000012, 3.14159)
	fmt.Printf("%6.1f|%-8.3f|\n", 2.25, 1.0/3)
	fmt.Printf("%c|%U|%#x\n", 'é', 'é', "go")
	fmt.Printf("%v %d\n", []int{1, 2}, []int{3, 4})
	fmt.Printf("%5v|%-5v|\n", []int{1}, "ab")
}
