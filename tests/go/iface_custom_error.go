package main

import "fmt"

type ValidationError struct {
	Field string
	Value int
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("invalid %s: %d", e.Field, e.Value)
}

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

func check(age int) error {
	if age < 0 {
		return &ValidationError{"age", age}
	}
	if age > 150 {
		return Code(413)
	}
	return nil
}

func main() {
	for _, a := range []int{10, -3, 200} {
		err := check(a)
		if err != nil {
			fmt.Println("error:", err)
			fmt.Printf("%v | %s | %T\n", err, err, err)
			continue
		}
		fmt.Println("ok", a, err)
	}
	err := check(-1)
	if ve, ok := err.(*ValidationError); ok {
		fmt.Println(ve.Field, ve.Value)
	}
	fmt.Println(Code(5))
}
