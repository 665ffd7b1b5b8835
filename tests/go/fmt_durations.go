package main

import (
	"fmt"
	"time"
)

type Job struct {
	Name    string
	Timeout time.Duration
}

func main() {
	d := 1500 * time.Millisecond
	fmt.Println(d, 90*time.Second, time.Duration(0), time.Nanosecond, 2*time.Hour+3*time.Minute)
	fmt.Printf("%v|%s|%d|%T\n", d, d, d, d)
	fmt.Printf("%10v|%-10v|\n", d, time.Minute)
	fmt.Println([]time.Duration{time.Second, 250 * time.Millisecond})
	fmt.Println(Job{"build", 30 * time.Second})
	fmt.Printf("%+v\n", Job{"test", 2 * time.Minute})
	fmt.Println(map[string]time.Duration{"b": time.Microsecond, "a": 1500 * time.Microsecond})
	fmt.Println(fmt.Sprint(time.Millisecond) + "!")
}
