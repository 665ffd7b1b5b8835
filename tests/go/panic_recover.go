package main

import (
	"errors"
	"fmt"
)

func safe(f func()) (recovered any) {
	defer func() {
		recovered = recover()
	}()
	f()
	return nil
}

func main() {
	r := safe(func() { panic("boom") })
	fmt.Println("recovered:", r)
	r = safe(func() { panic(errors.New("an error")) })
	fmt.Printf("recovered: %v (%T)\n", r, r)
	r = safe(func() {
		var m map[string]int
		m["x"] = 1
	})
	fmt.Println("recovered:", r)
	r = safe(func() {
		a := []int{1}
		i := 3
		_ = a[i]
	})
	fmt.Println("recovered:", r)
	if err, ok := r.(error); ok {
		fmt.Println("is an error:", err.Error())
	}
	r = safe(func() {})
	fmt.Println("nothing:", r)
	fmt.Println(recover())
	fmt.Println("program continues")
}
