package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(100 * time.Millisecond)
	start := time.Now()
	<-t.C
	fmt.Println("timer fired", time.Since(start) >= 100*time.Millisecond)
	t2 := time.NewTimer(time.Second)
	fmt.Println("stopped", t2.Stop())
	tk := time.NewTicker(60 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 3 {
			tk.Stop()
			break
		}
	}
	fmt.Println("ticks", n)
	done := make(chan bool)
	time.AfterFunc(50*time.Millisecond, func() { done <- true })
	fmt.Println("afterfunc", <-done)
}
