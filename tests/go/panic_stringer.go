package main

import "fmt"

type State int

func (s State) String() string { return [...]string{"idle", "running", "broken"}[s] }

func main() {
	s := State(2)
	fmt.Println("state:", s)
	panic(s)
}
