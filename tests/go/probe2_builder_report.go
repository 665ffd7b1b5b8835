package main

import (
	"fmt"
	"strings"
	"sync"
)

type report struct {
	mu sync.Mutex
	sb strings.Builder
}

func main() {
	lines := make([]string, 4)
	var wg sync.WaitGroup
	for i := range lines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b strings.Builder
			fmt.Fprintf(&b, "worker %d:", i)
			for k := 0; k <= i; k++ {
				b.WriteString(" *")
			}
			lines[i] = b.String()
		}()
	}
	wg.Wait()
	var sb strings.Builder
	for _, l := range lines {
		sb.WriteString(l)
		sb.WriteByte('\n')
	}
	fmt.Print(sb.String())
	fmt.Println(sb.Len(), strings.Count(sb.String(), "*"))
	r := &report{}
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.mu.Lock()
			r.sb.WriteRune('a' + rune(i))
			r.mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(r.sb.Len(), strings.ContainsRune(r.sb.String(), 'c'))
	fmt.Fprintln(&sb, "end", 1)
	fmt.Printf("%q\n", sb.String()[sb.Len()-6:])
}
