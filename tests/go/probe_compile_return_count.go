package main

import "fmt"

func f() (int, error) {
	return 1
}

func g() int {
	return 1, nil
}

func h() {
	return 5
}

func main() {
	fmt.Println(f())
	fmt.Println(g())
	h()
}
