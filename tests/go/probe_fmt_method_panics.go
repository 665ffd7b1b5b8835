package main

import "fmt"

type Bad struct{}

func (b *Bad) String() string { panic("bad string") }

type V struct{ n int }

func (v V) String() string { return fmt.Sprint("V", v.n) }

type NilE struct{}

func (e *NilE) Error() string { return fmt.Sprint("NilE ", e == nil) }

func main() {
	fmt.Println(&Bad{}, "after")
	fmt.Printf("[%d]\n", &Bad{})
	var vp *V
	fmt.Println(vp)
	fmt.Printf("%s|%d\n", vp, vp)
	var ne *NilE
	fmt.Println(ne)
	var err error = ne
	fmt.Println(err, err == nil)
}
