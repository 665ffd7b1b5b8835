package main

import "fmt"

func main() {
	fruits := []string{"pomme", "poire", "prune"}
	for i, f := range fruits {
		fmt.Println(i, f)
	}
	for i := range fruits {
		fruits[i] = fruits[i] + "!"
	}
	for _, f := range fruits {
		f = "changed"
		_ = f
	}
	fmt.Println(fruits)
	nums := []int{1, 2, 3}
	for i, v := range nums {
		if i == 0 {
			nums = append(nums, 99)
		}
		fmt.Print(v, " ")
	}
	fmt.Println(len(nums))
	arr := [3]int{7, 8, 9}
	for i, v := range arr {
		arr[2] = 100
		fmt.Print(i, "=", v, " ")
	}
	fmt.Println(arr)
	var empty []int
	for range empty {
		fmt.Println("never")
	}
}
