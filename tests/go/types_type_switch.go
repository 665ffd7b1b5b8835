package main

import "fmt"

type Point struct{ X, Y int }

type Celsius float64

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v (%T)", x, x)
	case string:
		return "string of length " + fmt.Sprint(len(x))
	case bool:
		if x {
			return "true bool"
		}
		return "false bool"
	case Point:
		return fmt.Sprintf("point at %d,%d", x.X, x.Y)
	case *Point:
		return fmt.Sprintf("pointer to point %v", *x)
	case error:
		return "error: " + x.Error()
	case fmt.Stringer:
		return "stringer " + x.String()
	case []int:
		return fmt.Sprint("slice ", len(x))
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	values := []any{nil, 1, int64(2), "héllo", true, false, Point{1, 2}, &Point{3, 4},
		fmt.Errorf("bad"), []int{1, 2}, 3.5, Celsius(20), map[string]int{}}
	for _, v := range values {
		fmt.Println(describe(v))
	}
	switch v := any(7).(type) {
	case int:
		fmt.Println(v * 2)
	}
}
