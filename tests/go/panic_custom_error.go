package main

import "fmt"

type QuotaError struct {
	User  string
	Limit int
}

func (e *QuotaError) Error() string {
	return fmt.Sprintf("quota exceeded for %s (limit %d)", e.User, e.Limit)
}

func main() {
	var err error = &QuotaError{"bob", 10}
	fmt.Println(err)
	panic(err)
}
