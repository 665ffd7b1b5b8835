package main

import "fmt"

func main() {
	n := 1
	switch n {
	case 1:
		fmt.Println("a")
	case 2, 1:
		fmt.Println("b")
	}
	s := "x"
	switch s {
	case "x", "y", "x":
	}
	var v any = 1
	switch v.(type) {
	case int, string, int:
	}
}
