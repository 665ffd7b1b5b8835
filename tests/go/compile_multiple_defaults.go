package main

func main() {
	x := 1
	switch x {
	default:
	case 1:
	default:
	}
	switch {
	default:
	default:
	}
	ch := make(chan int)
	select {
	case <-ch:
	default:
	default:
	}
}
