package main

import (
	"fmt"
	"time"
)

type T struct{ n int }

func (t T) show(tag string)   { fmt.Println(tag, t.n) }
func (t *T) showP(tag string) { fmt.Println(tag, t.n) }

func main() {
	x := 1
	go fmt.Println("go arg:", x)
	x = 2
	time.Sleep(50 * time.Millisecond)
	t := T{1}
	go t.show("value recv:")
	t.n = 5
	time.Sleep(50 * time.Millisecond)
	go t.showP("ptr recv:")
	time.Sleep(50 * time.Millisecond)
	f := t.show
	t.n = 9
	go f("method value:")
	time.Sleep(50 * time.Millisecond)
	for i := range 2 {
		defer fmt.Println("defer", i, x)
	}
	x = 3
	fmt.Println("main end", x)
}
