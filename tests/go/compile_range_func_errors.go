package main

func a(int)                            {}
func b(yield func(int))                {}
func c(yield func(int) bool) int       { return 0 }
func d(yield func(int, int, int) bool) {}
func e(yield func() bool)              {}
func f(yield func(int) bool)           {}

func main() {
	for range a {
	}
	for range b {
	}
	for range c {
	}
	for range d {
	}
	for x := range e {
		_ = x
	}
	for x, y := range f {
		_, _ = x, y
	}
	for x := range f {
	}
L:
	for range 3 {
	}
}
