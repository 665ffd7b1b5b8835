package main

import (
	"errors"
	"fmt"
)

var ErrDisk = errors.New("disk failure")

func readBlock() error { return ErrDisk }

func readFile(name string) error {
	if err := readBlock(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

func loadConfig() error {
	if err := readFile("config.toml"); err != nil {
		return fmt.Errorf("load config: %w", err)
	}
	return nil
}

func main() {
	err := loadConfig()
	fmt.Println(err)
	for e := err; e != nil; e = errors.Unwrap(e) {
		fmt.Printf("- %v\n", e)
	}
	fmt.Println(errors.Is(err, ErrDisk))
	fmt.Println(errors.Unwrap(ErrDisk) == nil)
	wrapped := fmt.Errorf("context: %w", loadConfig())
	fmt.Println(errors.Unwrap(wrapped) != nil, errors.Is(wrapped, ErrDisk))
}
