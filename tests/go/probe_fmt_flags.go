package main

import "fmt"

type In struct{ A, B int }

type Out struct {
	In
	P    *In
	Name string
	L    []In
	M    map[string]In
}

func main() {
	fmt.Printf("%08.3f|%-10s|%10s|%-8.2f|%+d|% d|%+.1e\n", 3.14159, "hi", "yo", 2.5, 5, 7, 12345.678)
	fmt.Printf("%q %q %q %+q %#q\n", "héllo\n", "日本", `a"b`, "é", "raw")
	fmt.Printf("%x %X %o %O %b %#x %#o\n", -42, -255, -8, 8, -5, 255, 8)
	fmt.Printf("%05d|%-5d|%5.3d|%x|% x\n", -42, 42, 7, int8(-1), []byte{1, 2})
	fmt.Printf("%6.2f|%-8.3s|%.0f|%.0f|%.0f\n", -1.005, "abcdef", 0.5, 1.5, 2.5)
	o := Out{In{1, 2}, nil, "n", []In{{5, 6}}, map[string]In{"k": {7, 8}}}
	fmt.Printf("%v\n", o)
	fmt.Printf("%+v\n", o)
	fmt.Printf("%v %+v\n", &o.In, []*In{})
	fmt.Printf("%#v\n", In{1, 2})
	fmt.Printf("%#v %#v %#v\n", []int{1}, "s", map[string]int{"a": 1})
	fmt.Printf("%c|%-4c|%U|%#U\n", 'é', 'x', 'é', 'é')
	fmt.Printf("%3v|%-3v|%03v\n", 7, 7, 7)
	fmt.Printf("%v %.2v %10.4v|\n", 1.0/3, 1.0/3, 1.0/3)
	fmt.Printf("%s|%10v|%-10v|\n", []string{"a", "b"}, []int{1}, true)
	fmt.Printf("%6.2f%%\n", 99.5)
}
