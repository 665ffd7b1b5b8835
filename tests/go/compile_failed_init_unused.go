package main

func two() (int, int) { return 1, 2 }

func main() {
	a := nosuch()
	b := two()
	c, d := 1
	e, f := two(), 3
	var g int = two()
	h := undefinedVar + 1
}
