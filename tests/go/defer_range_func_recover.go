package main

import "fmt"

// The iterator defers calls of its own: the body's deferred calls belong to the function
// holding the loop, so they run after the iterator's, when that function returns.
func pairs(yield func(int, string) bool) {
	defer fmt.Println("iterator done")
	for i, s := range []string{"a", "b", "c"} {
		if !yield(i, s) {
			return
		}
	}
}

func outer(yield func(int) bool) {
	for i := range 2 {
		if !yield(i) {
			return
		}
	}
}

func collect() (log []string) {
	defer func() {
		if r := recover(); r != nil {
			log = append(log, fmt.Sprint("recovered in holder: ", r))
		}
	}()
	for i, s := range pairs {
		defer func() { log = append(log, fmt.Sprint("deferred ", i, s)) }()
		if s == "b" {
			defer func() {
				r := recover()
				log = append(log, fmt.Sprint("recovered in body defer: ", r))
			}()
			panic("at " + s)
		}
	}
	return log
}

func nested() {
	for i := range outer {
		for j := range outer {
			defer fmt.Println("nested", i, j)
		}
	}
	fmt.Println("nested loops done")
}

func main() {
	for _, line := range collect() {
		fmt.Println(line)
	}
	nested()
}
