package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

type Box struct {
	W, H int
}

func grow(b *Box) { b.W *= 2; b.H *= 2 }

func main() {
	b := &Box{2, 3}
	grow(b)
	fmt.Println(b, *b, b.W)
	fmt.Printf("%v %+v\n", b, b)
	var list *Node
	for i := 3; i > 0; i-- {
		list = &Node{Val: i, Next: list}
	}
	for n := list; n != nil; n = n.Next {
		fmt.Print(n.Val, " ")
	}
	fmt.Println()
	fmt.Println(list.Next.Next.Next == nil)
	boxes := []*Box{{1, 1}, {2, 2}}
	for _, bx := range boxes {
		grow(bx)
	}
	fmt.Println(*boxes[0], *boxes[1], len(boxes))
	pb := new(Box)
	pb.H = 7
	fmt.Println(pb)
	vals := []Box{{1, 2}, {3, 4}}
	fmt.Println(vals)
	fmt.Printf("%+v\n", vals)
}
