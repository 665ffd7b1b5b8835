package main

import (
	"errors"
	"fmt"
)

type S struct{ A int }

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %T %v", x, x)
	case string:
		return "string " + x
	case error:
		return "error " + x.Error()
	case fmt.Stringer:
		return "stringer " + x.String()
	case []int:
		return fmt.Sprint("slice ", len(x))
	case S, *S:
		return fmt.Sprintf("S-ish %v", x)
	case func() int:
		return fmt.Sprint("func ", x())
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	var ip *int
	var e error
	vals := []any{nil, 1, int64(2), "s", errors.New("boom"), []int{1, 2}, S{3}, &S{4},
		func() int { return 5 }, 3.5, ip, e, map[string]int{}, [2]bool{}}
	for _, v := range vals {
		fmt.Println(describe(v))
	}
	var a any = 7
	switch a.(type) {
	case int:
		fmt.Println("just int")
	}
	if n, ok := a.(int); ok {
		fmt.Println(n + 1)
	}
	_, ok := a.(string)
	fmt.Println(ok)
}
