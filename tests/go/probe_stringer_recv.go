package main

import "fmt"

type V struct{ n int }

func (v V) String() string { return fmt.Sprintf("V(%d)", v.n) }

type P struct{ n int }

func (p *P) String() string { return fmt.Sprintf("P(%d)", p.n) }

type E struct{ msg string }

func (e *E) Error() string { return "E:" + e.msg }

func main() {
	v := V{1}
	p := P{2}
	fmt.Println(v, &v)
	fmt.Println(p, &p)
	fmt.Printf("%v %s %d\n", v, v, v)
	fmt.Printf("%v %+v\n", p, &p)
	fmt.Println([]V{{3}, {4}}, []*V{{5}})
	fmt.Println([]P{{6}}, []*P{{7}})
	fmt.Println(map[string]V{"a": {8}}, map[string]*P{"b": {9}})
	fmt.Println(struct{ In V }{V{10}})
	fmt.Printf("%+v\n", struct {
		In  P
		Ptr *P
	}{P{11}, &P{12}})
	e := E{"x"}
	fmt.Println(e, &e)
	var err error = &e
	fmt.Println(err)
	fmt.Printf("%v|%s|%q\n", err, err, err)
	arr := [2]V{{1}, {2}}
	fmt.Println(arr)
	var np *P
	fmt.Println(np == nil)
}
