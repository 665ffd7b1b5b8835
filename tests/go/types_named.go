package main

import "fmt"

type Celsius float64
type Fahrenheit float64
type IDs []int
type Score int

func (c Celsius) ToF() Fahrenheit { return Fahrenheit(c*9/5 + 32) }

func (ids IDs) Sum() int {
	t := 0
	for _, id := range ids {
		t += id
	}
	return t
}

func (s *Score) Add(n int) { *s += Score(n) }

func main() {
	c := Celsius(100)
	fmt.Println(c, c.ToF(), Celsius(-40).ToF())
	fmt.Printf("%T %T %v\n", c, c.ToF(), float64(c)+1)
	ids := IDs{1, 2, 3}
	fmt.Println(ids.Sum(), len(ids), ids)
	var s Score
	s.Add(10)
	s.Add(5)
	fmt.Println(s)
	fmt.Printf("%T %d\n", s, s)
	type local struct{ a int }
	fmt.Printf("%+v %T\n", local{1}, local{})
}
