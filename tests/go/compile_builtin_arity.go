package main

func main() {
	ch := make(chan int)
	s := []int{1}
	m := map[string]int{}
	_ = len()
	_ = cap(s, s)
	_ = make()
	_ = new()
	close()
	close(ch, ch)
	delete(m)
	_ = copy(s)
	panic()
	_ = make([]int, "2")
	_ = make([]int, 2.5)
	_ = make(chan int, 1, 2)
}
