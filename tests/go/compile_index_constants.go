package main

func main() {
	s := []int{1, 2}
	_ = s["1"]
	_ = s[1.5]
	_ = s[2.0]
	_ = s[true]
	var f float64 = 1
	_ = s[f]
	_ = make([]int, 2.5)
	_ = make([]int, true)
	_ = s[1:"2"]
}
