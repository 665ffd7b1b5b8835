package main

import "fmt"

func sum(label string, nums ...int) int {
	t := 0
	for _, n := range nums {
		t += n
	}
	if len(nums) > 0 {
		nums[0] = -1
	}
	fmt.Println(label, len(nums), nums == nil)
	return t
}

func pair() (int, int) { return 3, 4 }

func add(a, b int) int { return a + b }

func show(xs ...any) { fmt.Println(len(xs), xs) }

func main() {
	s := []int{1, 2, 3}
	fmt.Println(sum("spread", s...), s)
	fmt.Println(sum("none"))
	fmt.Println(sum("list", 4, 5))
	fmt.Println(add(pair()))
	s = append(s, s...)
	fmt.Println(s)
	b := append([]byte("ab"), "cd"...)
	fmt.Println(string(b))
	show()
	show(nil)
	show([]any{1, 2}...)
	show([]int{1, 2})
	var ns []any
	show(ns...)
	var strs []string
	strs = append(strs, []string{"x", "y"}...)
	strs = append(strs[:1], strs[2:]...)
	fmt.Println(strs, len(strs))
	r := append([]int(nil), s[:2]...)
	r[0] = 100
	fmt.Println(r, s[0])
	fmt.Println(fmt.Sprint(pair()))
}
