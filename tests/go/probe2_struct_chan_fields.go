package main

import (
	"fmt"
	"strings"
)

type Logger struct {
	lines chan string
	done  chan struct{}
	out   []string
}

func NewLogger() *Logger {
	l := &Logger{lines: make(chan string, 2), done: make(chan struct{})}
	go l.run()
	return l
}

func (l *Logger) run() {
	defer close(l.done)
	for s := range l.lines {
		l.out = append(l.out, strings.ToUpper(s))
	}
}

func (l *Logger) Log(format string, args ...any) {
	l.lines <- fmt.Sprintf(format, args...)
}

func (l *Logger) Close() []string {
	close(l.lines)
	<-l.done
	return l.out
}

func main() {
	l := NewLogger()
	for i := range 4 {
		l.Log("step %d of %d", i+1, 4)
	}
	l.Log("no args")
	lines := l.Close()
	fmt.Println(len(lines))
	fmt.Println(strings.Join(lines, "; "))
	fmt.Println(l.lines != nil, cap(l.lines))
}
