package main

import (
	"fmt"
	"time"
)

func main() {
	d := 1500 * time.Millisecond
	fmt.Println(d, d*2, d/3, d-2*time.Second)
	fmt.Printf("%v|%s|%d|%T\n", d, d, d, d)
	fmt.Printf("%.2f %.1f %v\n", d.Seconds(), d.Minutes(), d.Milliseconds())
	fmt.Println(d.Round(time.Second), d.Truncate(time.Second), (2500 * time.Millisecond).Round(time.Second))
	n := 3
	wait := time.Duration(n) * 250 * time.Millisecond
	fmt.Println(wait, wait > d, time.Duration(0), time.Duration(1), time.Microsecond*1500)
	fmt.Printf("[%8v][%-8v][%8s]\n", d, d, 90*time.Second)
	fmt.Println(time.Hour+30*time.Minute+15*time.Second, 36*time.Hour)
	fmt.Printf("%+v\n", struct {
		Name    string
		Timeout time.Duration
	}{"job", 2 * time.Minute})
	fmt.Println([]time.Duration{time.Second, 10 * time.Millisecond})
	fmt.Println(int64(d), float64(d)/float64(time.Second), d.String() == "1.5s")
	fmt.Printf("%6.2fs\n", (1234 * time.Millisecond).Seconds())
}
