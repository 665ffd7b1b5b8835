package main

import "fmt"

func main() {
	var fs []func() string
	for i := 0; i < 2; i++ {
		fs = append(fs, func() string { return fmt.Sprint("c", i) })
	}
	for i := range 2 {
		fs = append(fs, func() string { return fmt.Sprint("r", i) })
	}
	for i, s := range []string{"a", "b"} {
		fs = append(fs, func() string { return fmt.Sprint(i, s) })
	}
	m := map[string]int{"k": 1}
	for k, v := range m {
		fs = append(fs, func() string { return fmt.Sprint(k, v) })
	}
	ch := make(chan int, 2)
	ch <- 10
	ch <- 20
	close(ch)
	for v := range ch {
		fs = append(fs, func() string { return fmt.Sprint("ch", v) })
	}
	for _, r := range "hé" {
		fs = append(fs, func() string { return string(r) })
	}
	j := 0
	for j < 2 {
		fs = append(fs, func() string { return fmt.Sprint("w", j) })
		j++
	}
	var i int
	for i = 0; i < 2; i++ {
		fs = append(fs, func() string { return fmt.Sprint("o", i) })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var ps []*int
	for i := 0; i < 3; i++ {
		ps = append(ps, &i)
		i++
	}
	fmt.Println(*ps[0], *ps[1], len(ps))
}
