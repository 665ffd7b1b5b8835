package main

import "fmt"

type Acc struct {
	Name string
	Bal  int
}

func main() {
	ms := map[string][]int{}
	ms["a"] = append(ms["a"], 1)
	ms["a"] = append(ms["a"], 2)
	ms["b"] = append(ms["b"], 3)
	fmt.Println(ms, len(ms["zz"]))
	accs := map[string]Acc{"x": {"X", 10}}
	a := accs["x"]
	a.Bal += 5
	accs["x"] = a
	fmt.Println(accs)
	pa := map[string]*Acc{"y": {"Y", 1}}
	pa["y"].Bal = 50
	fmt.Println(*pa["y"])
	counts := map[rune]int{}
	for _, r := range "hello" {
		counts[r]++
	}
	fmt.Println(counts)
	m := map[int]bool{1: true, 2: true, 3: true, 4: true}
	for k := range m {
		if k%2 == 0 {
			delete(m, k)
		}
	}
	fmt.Println(m, len(m))
	v, ok := m[2]
	fmt.Println(v, ok)
	nested := map[string]map[string]int{}
	if nested["a"] == nil {
		nested["a"] = map[string]int{}
	}
	nested["a"]["b"]++
	fmt.Println(nested)
	keys := make([]string, 0)
	for k := range map[string]int{"z": 1, "a": 2, "m": 3} {
		keys = append(keys, k)
	}
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if keys[j] < keys[i] {
				keys[i], keys[j] = keys[j], keys[i]
			}
		}
	}
	fmt.Println(keys)
	type key struct{ a, b int }
	mk := map[key]string{{1, 2}: "x"}
	fmt.Println(mk[key{1, 2}], mk)
}
