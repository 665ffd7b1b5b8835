package main

func fetch() (string, error) { return "", nil }

func main() {
	s, err := fetch(), nil
	x, y := 1, nil
	z := nil
	var w = nil
	var p, q = fetch(), nil
}
