package main

import "fmt"

func pair() (int, string) {
	return 1
}

func single() int {
	return 1, "x"
}

func none() {
	return 5
}

func main() {
	fmt.Println(pair())
	fmt.Println(single())
	none()
}
