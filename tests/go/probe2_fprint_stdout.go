package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stdout, "to stdout", 1)
	n, err := fmt.Fprintf(os.Stdout, "%s=%d\n", "x", 42)
	fmt.Println(n, err)
	fmt.Fprint(os.Stdout, "a", "b", 3, 4, "\n")
}
