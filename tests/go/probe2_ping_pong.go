package main

import (
	"fmt"
	"time"
)

type Ball struct{ hits int }

func player(name string, table chan *Ball, done chan<- string, max int) {
	for {
		ball := <-table
		ball.hits++
		fmt.Println(name, ball.hits)
		if ball.hits >= max {
			done <- name
			return
		}
		table <- ball
	}
}

func main() {
	table := make(chan *Ball)
	done := make(chan string)
	go player("ping", table, done, 5)
	time.Sleep(50 * time.Millisecond)
	go player("pong", table, done, 5)
	table <- new(Ball)
	winner := <-done
	fmt.Println("last hit by", winner)
}
