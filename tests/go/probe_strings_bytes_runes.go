package main

import "fmt"

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), s[1], s[2], string(s[1]), s[1:3])
	for i, r := range s {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println()
	rs := []rune(s)
	fmt.Println(len(rs), rs[1], string(rs[1]), string(rs[7:]))
	bs := []byte("abc")
	bs[0] = 'A'
	fmt.Println(bs, string(bs))
	bad := "a\xffb\xc3"
	for i, r := range bad {
		fmt.Print(i, " ", r, " ")
	}
	fmt.Println(len(bad), []rune(bad))
	fmt.Printf("%q %+q %x % x\n", bad, "é", "hé", "hé")
	var r rune = 'é'
	fmt.Println(r, string(r), string(rune(65)), fmt.Sprint('x'))
	var b byte = 'z'
	fmt.Println(b, string(b), b+1)
	fmt.Println(string([]rune{72, 105}), []byte("é"))
	fmt.Println("a" < "b", "ab" < "a", "Z" < "a", s[len(s)-1])
	c := s[0]
	fmt.Printf("%T %T %T\n", c, rs[0], s[1:])
	x := "abc"
	y := x
	y += "d"
	fmt.Println(x, y)
	fmt.Printf("%c %U %d\n", 0x4e16, 0x4e16, '世')
}
