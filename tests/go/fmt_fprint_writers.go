package main

import (
	"fmt"
	"os"
	"strings"
)

type upper struct{ out []string }

func (u *upper) Write(p []byte) (int, error) {
	u.out = append(u.out, strings.ToUpper(string(p)))
	return len(p), nil
}

func main() {
	n, err := fmt.Fprintln(os.Stdout, "to stdout", 42)
	fmt.Println(n, err)
	fmt.Fprintf(os.Stderr, "to stderr %d\n", 7)
	var b strings.Builder
	fmt.Fprintf(&b, "%s-%03d", "id", 5)
	fmt.Fprint(&b, " end")
	fmt.Println(b.String(), b.Len())
	u := &upper{}
	fmt.Fprintf(u, "hello %v", []int{1, 2})
	fmt.Println(u.out)
	b.Write([]byte("!"))
	fmt.Println(b.String())
}
