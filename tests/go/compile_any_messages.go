package main

import "fmt"

type shape interface {
	Area() float64
}

func show(xs ...any)             {}
func count(m map[string]any) int { return len(m) }

func main() {
	var v any = 42
	var n int = v
	var s shape
	var f float64 = s
	var g int = show
	var h string = count
	var p interface{ Area() float64 } = 3
	fmt.Println(n, f, g, h, p)
}
