package main

import "fmt"

type Config struct {
	Name string
}

func name(c *Config) string {
	return c.Name
}

func main() {
	fmt.Println(name(&Config{"ok"}))
	var c *Config
	fmt.Println(name(c))
}
