package main

import (
	"fmt"
	"strings"
)

func main() {
	var b strings.Builder
	fmt.Println(b.Len(), b.String() == "")
	b.WriteString("Go")
	b.WriteByte(' ')
	b.WriteRune('é')
	b.WriteRune('世')
	b.WriteString("!")
	fmt.Println(b.String(), b.Len())
	var sb strings.Builder
	for i := range 5 {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(fmt.Sprint(i * i))
	}
	fmt.Println("[" + sb.String() + "]")
	var other strings.Builder
	other.WriteByte('x')
	fmt.Printf("%q %d %d\n", other.String(), other.Len(), sb.Len())
}
