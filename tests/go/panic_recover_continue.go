package main

import "fmt"

func process(i int) (result string) {
	defer func() {
		if r := recover(); r != nil {
			result = fmt.Sprint("item ", i, " failed: ", r)
		}
	}()
	if i%2 == 1 {
		panic(fmt.Sprintf("odd item %d", i))
	}
	zero := 0
	if i == 4 {
		return fmt.Sprint(i / zero)
	}
	return fmt.Sprint("item ", i, " ok")
}

func main() {
	for i := range 5 {
		fmt.Println(process(i))
	}
	defer fmt.Println("deferred in main runs at the end")
	func() {
		defer func() {
			fmt.Println("inner recovered:", recover())
		}()
		var p *struct{ X int }
		fmt.Println(p.X)
	}()
	fmt.Println("exit normally")
}
