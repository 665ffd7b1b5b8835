package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

type T struct{ count int }

func (t *T) Bump() {}

func main() {
	var wg sync.WaitGroup
	var n int = wg
	var d time.Duration = "x"
	var b strings.Builder
	var s string = b
	t := T{}
	t.bump()
	t.Count = 1
	wg.wait()
	fmt.Println(n, d, s)
	var m sync.Mutex
	m.Lok()
}
