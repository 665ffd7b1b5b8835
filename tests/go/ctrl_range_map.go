package main

import "fmt"

func main() {
	stock := map[string]int{"pommes": 5, "poires": 3, "kiwis": 8, "figues": 1}
	total := 0
	for _, n := range stock {
		total += n
	}
	fmt.Println("total", total)
	keys := make([]string, 0, len(stock))
	for k := range stock {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	for _, k := range keys {
		fmt.Println(k, stock[k])
	}
	for k, v := range stock {
		if v < 4 {
			delete(stock, k)
		}
	}
	fmt.Println(stock)
	var nilMap map[int]int
	for range nilMap {
		fmt.Println("never")
	}
}
