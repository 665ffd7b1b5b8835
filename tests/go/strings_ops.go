package main

import (
	"fmt"
	"strings"
)

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func isPalindrome(s string) bool {
	clean := strings.ToLower(strings.ReplaceAll(s, " ", ""))
	return clean == reverse(clean)
}

func main() {
	s := "bon"
	s += "jour"
	s = s + " " + "à tous"
	fmt.Println(s, len(s), reverse(s))
	fmt.Println(isPalindrome("Esope reste ici et se repose"), isPalindrome("goroutine"))
	fmt.Println("abc" < "abd", "Z" < "a", "" < "a")
	fmt.Println(s[0:3], s[3:], string(s[len(s)-1]))
	line := strings.Repeat("=", 5)
	fmt.Println(line + ">" + strings.ToUpper(s[:3]))
}
