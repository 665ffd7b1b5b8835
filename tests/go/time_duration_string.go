package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{
		0, 1, time.Nanosecond, 999, time.Microsecond, 1500 * time.Nanosecond,
		time.Millisecond, 1500 * time.Millisecond, time.Second, 90 * time.Second,
		time.Minute, 61 * time.Minute, 2*time.Hour + 3*time.Minute, 100 * time.Hour,
		-5 * time.Second, 1234567890, 50 * time.Millisecond, 3*time.Second + 1,
	}
	for _, d := range ds {
		fmt.Println(d)
	}
	fmt.Println(time.Duration(1<<63 - 1))
}
