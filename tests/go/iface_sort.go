package main

import "fmt"

type Sortable interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}

func bubble(s Sortable) {
	for i := 0; i < s.Len(); i++ {
		for j := 0; j < s.Len()-1-i; j++ {
			if s.Less(j+1, j) {
				s.Swap(j, j+1)
			}
		}
	}
}

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

type desc []int

func (d desc) Len() int           { return len(d) }
func (d desc) Less(i, j int) bool { return d[i] > d[j] }
func (d desc) Swap(i, j int)      { d[i], d[j] = d[j], d[i] }

func main() {
	words := byLen{"banane", "kiwi", "ananas", "fig", "cerise"}
	bubble(words)
	fmt.Println(words)
	nums := desc{3, 9, 1, 7}
	bubble(nums)
	fmt.Println(nums)
	m := map[string]int{"z": 1, "a": 2, "m": 3}
	keys := []string{}
	for k := range m {
		keys = append(keys, k)
	}
	bubble(byLen(keys))
	fmt.Println(len(keys), m)
}
