package main

import "fmt"

func main() {
	fmt.Println(1e21, 1e20, 1e-5, 0.0001, 100000000.0, 123456789.0, 2.0)
	fmt.Println(float32(0.1), float64(float32(0.1)), 0.1+0.2, 1/3.0)
	zero := 0.0
	fmt.Println(1/zero, -1/zero, zero/zero, -zero, 0*-1.0)
	nan := zero / zero
	fmt.Println(nan == nan, nan < 1, 1/zero > 1e308)
	fmt.Printf("%v %g %f %.3e %6.2f|\n", 1/zero, -1/zero, nan, 1e6, -1/zero)
	var f32 float32 = 16777216
	fmt.Println(f32+1, f32*2, float32(1)/3)
	fmt.Println(int64(1e18), int(2.9e3), 5.0/2, 5/2.0, 1e3)
	x := 0.1
	s := 0.0
	for i := 0; i < 10; i++ {
		s += x
	}
	fmt.Println(s, s == 1, fmt.Sprintf("%.20f", 0.1))
	fmt.Println(3.0, -2.50, 1e100, 5e-324, 1.7976931348623157e308)
	fmt.Printf("%v %v\n", float32(3.4e38), float32(1e-45))
	fmt.Println(min(2.5, 1, 3), max(-0.0, 0.0), min("b", "a", "c"), max(3, 7, 1))
}
