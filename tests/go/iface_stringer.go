package main

import "fmt"

type Level int

const (
	Debug Level = iota
	Info
	Warn
)

func (l Level) String() string {
	switch l {
	case Debug:
		return "DEBUG"
	case Info:
		return "INFO"
	case Warn:
		return "WARN"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

type Money struct {
	Cents int
}

func (m Money) String() string { return fmt.Sprintf("%d.%02d €", m.Cents/100, m.Cents%100) }

func main() {
	fmt.Println(Debug, Info, Warn, Level(7))
	fmt.Printf("%v %s %d %q\n", Warn, Warn, Warn, Info)
	levels := []Level{Warn, Debug}
	fmt.Println(levels)
	fmt.Println(map[Level]int{Warn: 2, Debug: 5})
	price := Money{1999}
	fmt.Println(price, []Money{{5}, {100}})
	var st fmt.Stringer = price
	fmt.Println(st.String())
	fmt.Printf("%-10s|%10v|\n", Info, price)
	fmt.Println(fmt.Sprint(Info) + "!")
}
