package main

import "fmt"

type V struct{ n int }

func (v V) String() string { return fmt.Sprint("V", v.n) }

type P struct{ n int }

func (p *P) String() string {
	if p == nil {
		return "nil P"
	}
	return fmt.Sprint("P", p.n)
}

type E struct{}

func (e E) Error() string { return "E!" }

func main() {
	var vp *V
	var pp *P
	fmt.Println(vp, pp)
	fmt.Printf("%v %s %+v\n", vp, pp, pp)
	var s fmt.Stringer = pp
	fmt.Println(s, s == nil)
	var e error = E{}
	fmt.Printf("%v %s %q %x\n", e, e, e, e)
	fmt.Println([]fmt.Stringer{V{1}, pp, nil})
	var ep *E
	fmt.Println(ep)
}
