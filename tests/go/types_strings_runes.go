package main

import "fmt"

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), len([]rune(s)))
	fmt.Println(s[0], s[1], string(s[0]), s[7:])
	var b byte = s[0]
	var r rune = 'é'
	fmt.Println(b, r, string(r))
	fmt.Printf("%T %T %c %c\n", b, r, b, r)
	runes := []rune(s)
	fmt.Println(string(runes[1]), string(runes[7:]), len(runes))
	bs := []byte("abc")
	bs[0] = 'A'
	fmt.Println(bs, string(bs))
	fmt.Println(string(rune(65)), string([]rune{0x4e16, 0x754c}))
	fmt.Println("a"+"b" == "ab", "abc" < "abd", s[:2] == "h\xc3")
	raw := `raw\n "string"`
	fmt.Println(raw, len(raw))
}
