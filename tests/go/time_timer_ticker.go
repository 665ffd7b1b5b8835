package main

import (
	"fmt"
	"time"
)

func main() {
	ticker := time.NewTicker(100 * time.Millisecond)
	defer ticker.Stop()
	start := time.Now()
	for i := 0; i < 3; i++ {
		<-ticker.C
		fmt.Println("tick", i, time.Since(start).Round(10*time.Millisecond))
	}
	t := time.NewTimer(time.Second)
	fmt.Println("stopped:", t.Stop())
	t2 := time.NewTimer(50 * time.Millisecond)
	<-t2.C
	fmt.Println("fired, stop again:", t2.Stop())
	fmt.Println(t2.Reset(20 * time.Millisecond))
	<-t2.C
	fmt.Println("done", time.Since(start).Round(10*time.Millisecond))
}
