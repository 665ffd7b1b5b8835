package main

import "fmt"

type Key struct {
	A int
	B string
}

func main() {
	fmt.Println(map[string]int{"zeta": 1, "alpha": 2, "mid": 3, "Beta": 4})
	fmt.Println(map[int]string{10: "ten", -5: "minus", 0: "zero", 3: "three"})
	fmt.Println(map[float64]bool{2.5: true, -1: false, 0.5: true})
	fmt.Println(map[bool]int{true: 1, false: 0})
	fmt.Println(map[rune]int{'b': 2, 'a': 1})
	fmt.Println(map[Key]int{{2, "a"}: 1, {1, "z"}: 2, {1, "b"}: 3})
	fmt.Println(map[string][]int{"b": {2, 3}, "a": nil})
	fmt.Println(map[string]map[string]int{"y": {"k": 1}, "x": {"j": 2, "i": 3}})
	fmt.Printf("%v\n%+v\n%#v\n", map[string]Key{"k": {1, "v"}}, map[string]Key{"k": {1, "v"}}, map[string]int{"b": 1, "a": 2})
}
