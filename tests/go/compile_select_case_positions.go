package main

func main() {
	x := 2
	select {
	case x > 1:
	}
	select {
	case y := 3:
	}
	select {
	case x = 4:
	}
	select {
	case f():
	}
}

func f() {}
