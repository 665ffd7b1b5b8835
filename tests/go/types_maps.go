package main

import "fmt"

func main() {
	ages := map[string]int{"bob": 31, "alice": 28}
	ages["carol"] = 45
	fmt.Println(ages, len(ages))
	v, ok := ages["bob"]
	fmt.Println(v, ok)
	v, ok = ages["dave"]
	fmt.Println(v, ok)
	delete(ages, "bob")
	delete(ages, "nobody")
	fmt.Println(ages, len(ages))
	counts := make(map[rune]int)
	for _, r := range "abracadabra" {
		counts[r]++
	}
	fmt.Println(counts)
	var nilMap map[string]bool
	fmt.Println(nilMap["x"], len(nilMap), nilMap == nil)
	nested := map[string][]int{"odd": {1, 3}, "even": {2}}
	nested["even"] = append(nested["even"], 4)
	fmt.Println(nested)
	m2 := ages
	m2["zed"] = 1
	fmt.Println(len(ages))
	byKey := map[int]string{3: "c", -1: "z", 10: "j"}
	fmt.Printf("%v %d\n", byKey, len(byKey))
}
