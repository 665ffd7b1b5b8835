package main

import (
	"fmt"
	"time"
)

func main() {
	d := 90 * time.Second
	fmt.Println(d.Seconds(), d.Minutes(), d.Hours(), d.Milliseconds(), int64(d))
	fmt.Println(d+30*time.Second, d-2*time.Minute, d*2, d/4, d%time.Minute)
	n := 3
	wait := time.Duration(n) * 100 * time.Millisecond
	fmt.Println(wait, wait > 250*time.Millisecond, wait == 300*time.Millisecond)
	fmt.Println(time.Hour/time.Minute, time.Second/time.Millisecond)
	x := 1234567 * time.Microsecond
	fmt.Println(x.Round(time.Millisecond), x.Round(100*time.Millisecond), x.Truncate(time.Second))
	fmt.Println(time.Duration(2500).Microseconds(), (2 * time.Minute).String())
	fmt.Printf("%.1f %T\n", (1500 * time.Millisecond).Seconds(), d.Seconds())
	var zero time.Duration
	fmt.Println(zero, zero == 0, -d, max(d, time.Minute), min(d, time.Minute))
}
