package main

import "fmt"

func main() {
	n := 42
	fmt.Printf("%d|%5d|%-5d|%05d|%+d|% d|% d\n", n, n, n, n, n, n, -n)
	fmt.Printf("%x|%X|%#x|%o|%#o|%b|%08b\n", 255, 255, 255, 8, 8, 5, 5)
	fmt.Printf("%c|%c|%U|%#U|%q\n", 65, 'é', 'é', '世', 'x')
	fmt.Printf("%v|%d|%x\n", -17, int8(-128), -255)
	fmt.Printf("%3d|%-3d|%03d\n", 12345, 1, -7)
	fmt.Printf("%d %d\n", []int{1, 2}, [2]int8{3, 4})
	fmt.Printf("%x %X\n", "hi", []byte("Go"))
	fmt.Printf("%+5d|%-+5d|\n", 3, 3)
	fmt.Printf("%d%%\n", 50)
	fmt.Printf("%v %v\n", uint8(200), uint64(18446744073709551615))
}
