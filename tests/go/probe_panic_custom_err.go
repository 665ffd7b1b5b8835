package main

import "fmt"

type MyErr struct{ Code int }

func (e MyErr) Error() string { return fmt.Sprint("code ", e.Code) }

func main() {
	defer func() {
		r := recover()
		fmt.Printf("%T %v\n", r, r)
		err, ok := r.(error)
		fmt.Println(ok, err)
		panic(fmt.Errorf("again: %w", err))
	}()
	var arr []int
	idx := 3
	fmt.Println(arr[idx])
}
