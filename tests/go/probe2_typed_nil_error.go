package main

import "fmt"

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

func check(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{500}
	}
	return p
}

func checkGood(fail bool) error {
	if fail {
		return &MyErr{404}
	}
	return nil
}

func main() {
	err := check(false)
	fmt.Println(err == nil, err != nil)
	fmt.Printf("%T\n", err)
	fmt.Println(checkGood(false) == nil)
	if e, ok := err.(*MyErr); ok {
		fmt.Println("typed nil inside:", e == nil)
	}
	fmt.Println(check(true), checkGood(true))
	errc := make(chan error, 1)
	go func() { errc <- check(false) }()
	if e := <-errc; e != nil {
		fmt.Println("looks like a failure")
	}
	fmt.Println(err)
}
