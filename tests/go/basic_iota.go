package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

func (d Weekday) String() string {
	names := [...]string{"dim", "lun", "mar", "mer", "jeu"}
	if int(d) < len(names) {
		return names[d]
	}
	return fmt.Sprintf("Weekday(%d)", int(d))
}

const (
	A = iota * 10
	B
	C = "c"
	D
	E = iota
)

const (
	Read = 1 << iota
	Write
	Exec
)

func main() {
	fmt.Println(Sunday, Monday, Tuesday, Thursday, Weekday(9))
	fmt.Printf("%v %d %s\n", Monday, Monday, Thursday)
	fmt.Println(A, B, C, D, E)
	fmt.Println(Read, Write, Exec, Read|Exec)
}
