package main

import "fmt"

func main() {
	values := []float64{0, 1, -1, 3.0, 0.1, 0.25, 1.0 / 3, 2.0 / 3, 100, 1e6, 1e20, 1e21, 1.5e21,
		123456789, 1e-4, 1e-5, 1e-7, 0.000123, 12345.678}
	for _, v := range values {
		fmt.Println(v)
	}
	a, b := 0.1, 0.2
	fmt.Println(a+b, a*3, 1-0.9)
	fmt.Println(float64(7)/2, float64(10)/4)
	var total float64
	for range 10 {
		total += 0.1
	}
	fmt.Println(total, total == 1)
	fmt.Print(2.0, 3.5, "\n")
	fmt.Println(fmt.Sprint(1e21), fmt.Sprintf("%v", 1e-7))
}
