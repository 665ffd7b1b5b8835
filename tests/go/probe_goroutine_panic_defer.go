package main

import (
	"fmt"
	"time"
)

type MyErr struct{ Code int }

func (e MyErr) Error() string { return fmt.Sprint("code ", e.Code) }

func worker() {
	defer fmt.Println("worker defer runs")
	var m map[string]int
	m["x"] = 1
}

func main() {
	defer fmt.Println("main defer never runs")
	go func() {
		defer func() {
			r := recover()
			fmt.Println("recovered in g1:", r)
			panic(MyErr{7})
		}()
		panic("first")
	}()
	time.Sleep(100 * time.Millisecond)
	go worker()
	time.Sleep(100 * time.Millisecond)
	fmt.Println("unreachable")
}
