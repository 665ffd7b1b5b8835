package main

import (
	"fmt"
	"strings"
)

func main() {
	parts := strings.Split("a,b,,c", ",")
	fmt.Printf("%q %d\n", parts, len(parts))
	fmt.Printf("%q\n", strings.Split("abc", ""))
	fmt.Printf("%q\n", strings.Split("", ","))
	fmt.Println(strings.Join([]string{"x", "y", "z"}, " - "))
	fmt.Println(strings.Join(nil, ","), "|")
	fields := strings.Fields("  lots   of\tspace\n here  ")
	fmt.Printf("%q %d\n", fields, len(fields))
	fmt.Println(strings.Repeat("ab", 3), strings.Repeat("-", 10), len(strings.Repeat("x", 0)))
	words := strings.Fields("the quick brown fox")
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	fmt.Println(strings.Join(words, " "))
}
