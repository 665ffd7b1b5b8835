package main

import (
	"fmt"
	"sync"
	"time"
)

type Greeter struct{ name string }

func (g Greeter) Hello(to string) { fmt.Println(g.name, "greets", to) }

func (g *Greeter) Rename(n string) { g.name = n }

func main() {
	var once sync.Once
	go once.Do(func() { fmt.Println("once from go") })
	time.Sleep(50 * time.Millisecond)
	g := Greeter{"ann"}
	go g.Hello("bob")
	time.Sleep(50 * time.Millisecond)
	go g.Rename("cid")
	time.Sleep(50 * time.Millisecond)
	fmt.Println(g.name)
	var wg sync.WaitGroup
	wg.Add(2)
	go wg.Done()
	go wg.Done()
	wg.Wait()
	fmt.Println("done via go wg.Done")
	defer once.Do(func() { fmt.Println("deferred once never runs") })
	var o2 sync.Once
	defer o2.Do(func() { fmt.Println("deferred once runs") })
	defer g.Hello("eve")
}
