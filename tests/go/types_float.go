package main

import "fmt"

func main() {
	a, b := 0.1, 0.2
	fmt.Println(a+b, 0.1+0.2, a+b == 0.3)
	fmt.Println(1e21, 1e20, 1e-7, 1e-4, 3.0, 2.5, -0.5)
	fmt.Println(123456789.0, 1234567890123.0, 0.000001)
	var f float64 = 7
	fmt.Println(f/2, f/3, float64(int(f/2)))
	x := 3.99
	fmt.Println(int(x), int(-x))
	var zero float64
	fmt.Println(1/zero, -1/zero, zero/zero == zero/zero)
	fmt.Println(100.0, 1.0/3.0, 2.0/3.0)
	fmt.Printf("%v %.3f %g %e\n", 1e6, 1e6, 1e6, 1e6)
}
