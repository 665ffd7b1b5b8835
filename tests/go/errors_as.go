package main

import (
	"errors"
	"fmt"
)

type NotFoundError struct {
	Name string
}

func (e *NotFoundError) Error() string { return e.Name + ": not found" }

type TempError struct{ Retry int }

func (e TempError) Error() string { return fmt.Sprintf("temporary, retry in %ds", e.Retry) }

func find(name string) error {
	switch name {
	case "ghost":
		return fmt.Errorf("lookup: %w", &NotFoundError{name})
	case "busy":
		return fmt.Errorf("lookup: %w", TempError{3})
	}
	return nil
}

func main() {
	for _, n := range []string{"ghost", "busy", "ok"} {
		err := find(n)
		var nf *NotFoundError
		var te TempError
		switch {
		case errors.As(err, &nf):
			fmt.Println("not found:", nf.Name, "|", err)
		case errors.As(err, &te):
			fmt.Println("temp:", te.Retry, "|", err)
		default:
			fmt.Println("no error:", err)
		}
	}
}
