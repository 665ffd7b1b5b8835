package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "  Héllo, Wörld! héllo  "
	fmt.Printf("%q\n", strings.Fields(s))
	fmt.Println(strings.Count(s, "l"), strings.Count("five", ""), strings.Index(s, "ö"), strings.IndexRune(s, 'W'))
	fmt.Println(strings.ToUpper(s), strings.ToLower("ÀÉ"))
	fmt.Printf("%q %q\n", strings.TrimSpace(s), strings.Trim("xxhixx", "x"))
	fmt.Printf("%q\n", strings.Split("a,b,,c", ","))
	fmt.Printf("%q\n", strings.SplitN("a,b,c", ",", 2))
	fmt.Printf("%q %q\n", strings.Split("", ","), strings.Split("abc", ""))
	fmt.Println(strings.Replace("aaaa", "a", "b", 2), strings.ReplaceAll("aaaa", "aa", "c"))
	fmt.Println(strings.HasPrefix(s, "  H"), strings.HasSuffix(s, "  "), strings.Contains(s, "Wö"))
	fmt.Println(strings.TrimLeft("aabca", "a"), strings.TrimPrefix("aabca", "a"), strings.TrimSuffix("a.go", ".go"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.LastIndex("go gopher", "go"), strings.ContainsRune("abc", 'c'))
	fmt.Println(strings.Title("x") == "X", strings.Repeat("-", 5), strings.Join(nil, ","), len(strings.Join([]string{"", ""}, ",")))
	before, after, found := strings.Cut("key=value=x", "=")
	fmt.Println(before, after, found)
	var b strings.Builder
	for i := 0; i < 3; i++ {
		b.WriteString(fmt.Sprintf("%d;", i))
	}
	b.WriteByte('!')
	b.WriteRune('é')
	fmt.Println(b.String(), b.Len())
	fmt.Println(strings.ContainsAny("abc", "xyzc"), strings.IndexByte("abc", 'c'), strings.Compare("a", "b"))
}
