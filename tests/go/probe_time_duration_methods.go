package main

import (
	"fmt"
	"time"
)

func main() {
	d := 1500 * time.Millisecond
	fmt.Println(d, d.Seconds(), d.Milliseconds(), time.Duration(90)*time.Second)
	fmt.Println(d.Round(time.Second), d.Truncate(time.Second), d.String())
	fmt.Println(time.Duration(0), time.Duration(1), 2*time.Hour+3*time.Minute, -d, d/3, time.Minute.Minutes())
	fmt.Printf("%v %d %T %s\n", d, d, d, time.Microsecond*1500)
	fmt.Println(time.Duration(1<<63-1), d.Microseconds(), d.Nanoseconds(), d.Hours() < 1)
	var total time.Duration
	for _, ms := range []int{100, 250, 650} {
		total += time.Duration(ms) * time.Millisecond
	}
	fmt.Println(total, total > time.Second)
	start := time.Now()
	time.Sleep(120 * time.Millisecond)
	el := time.Since(start)
	fmt.Println(el >= 120*time.Millisecond, el < 2*time.Second, el.Round(100*time.Millisecond) >= 100*time.Millisecond)
}
