package main

import (
	"errors"
	"fmt"
)

type Stack struct{ items []int }

func (s *Stack) Push(v int) { s.items = append(s.items, v) }

func (s *Stack) Pop() (int, error) {
	if len(s.items) == 0 {
		return 0, errors.New("pop from empty stack")
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}

func divide(a, b float64) (result float64, err error) {
	if b == 0 {
		err = fmt.Errorf("divide %v by zero", a)
		return
	}
	result = a / b
	return
}

func main() {
	s := &Stack{}
	s.Push(1)
	s.Push(2)
	for range 3 {
		v, err := s.Pop()
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println("popped", v)
	}
	if r, err := divide(1, 4); err == nil {
		fmt.Println(r)
	}
	_, err := divide(3, 0)
	fmt.Println(err)
}
