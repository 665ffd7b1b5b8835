package main

import "fmt"

func helper() any { return recover() }

func indirect() (res string) {
	defer func() {
		r := helper()
		fmt.Println("helper got", r)
		res = fmt.Sprint("outer got ", recover())
	}()
	panic("p1")
}

func twice() {
	defer func() { fmt.Println("second recover", recover()) }()
	defer func() {
		fmt.Println("first recover", recover())
		panic("p3")
	}()
	panic("p2")
}

func main() {
	fmt.Println(indirect())
	twice()
	fmt.Println("no panic:", recover())
	func() {
		defer func() {
			func() { fmt.Println("nested closure", recover()) }()
			fmt.Println("direct", recover())
		}()
		panic(fmt.Errorf("err %d", 4))
	}()
}
