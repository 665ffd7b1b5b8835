package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(200 * time.Millisecond)
	elapsed := time.Since(start)
	fmt.Println(elapsed >= 200*time.Millisecond, elapsed < time.Second)
	fmt.Println(elapsed.Round(100 * time.Millisecond))
	t0 := time.Now()
	done := make(chan bool)
	go func() {
		time.Sleep(100 * time.Millisecond)
		done <- true
	}()
	<-done
	fmt.Println(time.Since(t0).Round(100*time.Millisecond), time.Now().After(t0))
	fmt.Println(time.Since(start).Truncate(100*time.Millisecond) >= 300*time.Millisecond)
}
