package main

import "fmt"

func main() {
	x := 3.14159265
	fmt.Printf("%f|%.2f|%8.3f|%-8.1f|%08.2f|%+.1f\n", x, x, x, x, x, x)
	fmt.Printf("%e|%E|%.2e|%g|%G\n", x, x, 123456.789, x, 1e-10)
	fmt.Printf("%g|%g|%g|%g|%g\n", 1e21, 1e20, 1e-7, 0.0001, 100.0)
	fmt.Printf("%v|%v|%v|%v\n", 1e21, 1e-5, 2.0, 1/3.0)
	fmt.Printf("%.0f|%.0f|%.0f|%.1f\n", 0.5, 1.5, 2.5, 0.05)
	fmt.Printf("%6.2f%%\n", 12.3456)
	fmt.Printf("% f|% .1f\n", 1.5, -1.5)
	fmt.Printf("%.3g|%.10g|%10.4g|\n", 1234.5678, 1234.5678, 0.000123456)
	fmt.Printf("%f %v\n", 1e21, float64(1<<53))
	fmt.Println(3.0, 3.5, -0.0, 1e100, 5e-324)
}
