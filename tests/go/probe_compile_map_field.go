package main

import "fmt"

type Acc struct{ Bal int }

func main() {
	m := map[string]Acc{"a": {1}}
	m["a"].Bal = 5
	fmt.Println(m)
}
