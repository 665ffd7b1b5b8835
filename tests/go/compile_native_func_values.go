package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

func main() {
	var a int = fmt.Println
	var b int = fmt.Sprintf
	var c int = strings.Cut
	var d int = strings.Split
	var e int = time.Sleep
	var f int = time.AfterFunc
	var g int = errors.Is
	var h int = os.Exit
	var i int = time.Now
	var j int = fmt.Fprintln
	fmt.Println(a, b, c, d, e, f, g, h, i, j)
}
