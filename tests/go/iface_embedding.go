package main

import (
	"fmt"
	"strings"
)

type Reader interface{ Read() string }
type Writer interface{ Write(s string) }
type ReadWriter interface {
	Reader
	Writer
}

type Buffer struct{ data []string }

func (b *Buffer) Write(s string) { b.data = append(b.data, s) }

func (b *Buffer) Read() string {
	if len(b.data) == 0 {
		return ""
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}

type Upper struct{ ReadWriter }

func (u Upper) Read() string { return strings.ToUpper(u.ReadWriter.Read()) }

func main() {
	var rw ReadWriter = &Buffer{}
	rw.Write("un")
	rw.Write("deux")
	var r Reader = rw
	fmt.Println(r.Read())
	up := Upper{rw}
	up.Write("trois")
	fmt.Println(up.Read(), up.Read())
	fmt.Printf("%q\n", rw.Read())
	_, isWriter := r.(Writer)
	fmt.Println(isWriter)
}
