package main

import "fmt"

func run(f func(...any) (int, error)) {
	n, err := f("run", 1)
	fmt.Println(n, err)
}

func main() {
	pr := fmt.Println
	n, err := pr("a", "b")
	fmt.Println(n, err)
	run(fmt.Println)
	fmt.Printf("%T\n", fmt.Printf)
}
