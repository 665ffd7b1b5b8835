package main

import "fmt"

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type Card struct {
	Rank int
	Suit string
}

func (c Card) String() string { return fmt.Sprintf("%d de %s", c.Rank, c.Suit) }

type Secret struct{ code int }

func (s *Secret) String() string { return "***" }

type Hand struct {
	Cards []Card
	Owner string
}

func main() {
	t := Temp(21.456)
	fmt.Println(t)
	fmt.Printf("%v %s %.2f\n", t, t, float64(t))
	c := Card{7, "coeur"}
	fmt.Println(c, &c)
	fmt.Printf("%v|%s|%+v\n", c, c, c)
	hand := []Card{{1, "pique"}, {12, "trèfle"}}
	fmt.Println(hand)
	fmt.Println(Hand{hand, "Zoé"})
	s := Secret{42}
	fmt.Println(s, &s)
	m := map[string]Card{"best": {14, "carreau"}}
	fmt.Println(m)
	fmt.Println(fmt.Sprint(c) == c.String())
}
