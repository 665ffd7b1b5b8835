package main

import (
	"errors"
	"fmt"
	"strings"
)

func each(items []string, f func(string) string) {
	for _, it := range items {
		fmt.Print(f(it), " ")
	}
	fmt.Println()
}

func main() {
	p := fmt.Sprint
	q := fmt.Sprintf
	u := strings.ToUpper
	var r func(...any) string = fmt.Sprintln
	fmt.Print(p("a", 1), q("%d", 2), u("x"), r("z"))
	each([]string{"Ab", "cD"}, strings.ToLower)
	each([]string{"x"}, strings.ToUpper)
	mk := errors.New
	fmt.Println(mk("boom"))
	pr := fmt.Println
	pr("via", "value", 3)
	ef := fmt.Errorf
	fmt.Println(ef("wrapped %d: %w", 1, mk("in")))
	rep := strings.Repeat
	fmt.Println(rep("ab", 3))
}
