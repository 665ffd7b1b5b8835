package main

import "fmt"

type MyErr struct{}

func (*MyErr) Error() string { return "my error" }

func mayFail(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{}
	}
	return p
}

func realNil() error { return nil }

type Speaker interface{ Speak() string }

type Cat struct{ name string }

func (c *Cat) Speak() string {
	if c == nil {
		return "<nil cat>"
	}
	return c.name + " miaule"
}

func main() {
	err := mayFail(false)
	fmt.Println(err == nil, realNil() == nil)
	fmt.Printf("%T %v\n", err, err == (*MyErr)(nil))
	var s Speaker
	fmt.Println(s == nil)
	var c *Cat
	s = c
	fmt.Println(s == nil, s.Speak())
	s = &Cat{"Tom"}
	fmt.Println(s.Speak())
	var e error
	fmt.Println(e)
	fmt.Printf("%v %T\n", e, e)
}
