package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "le chat et le chien"
	fmt.Println(strings.Contains(s, "chat"), strings.Contains(s, "loup"), strings.Contains(s, ""))
	fmt.Println(strings.HasPrefix(s, "le "), strings.HasSuffix(s, "chien"), strings.HasSuffix(s, "chat"))
	fmt.Println(strings.Index(s, "le"), strings.Index(s, "xyz"), strings.Index("héllo", "l"))
	fmt.Println(strings.Count(s, "le"), strings.Count("cheese", "e"), strings.Count("five", ""))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.EqualFold("Gö", "gÖ"), strings.EqualFold("a", "b"))
}
