package main

import "fmt"

type Task struct {
	ID    int
	Tags  []string
	Owner *User
}

type User struct {
	Name string
	Age  int
}

func main() {
	u := &User{"ana", 30}
	tasks := []Task{{1, []string{"a", "b"}, nil}, {2, nil, nil}}
	fmt.Printf("%v\n%+v\n", tasks, tasks)
	byUser := map[string][]Task{"ana": {{ID: 3}}, "bob": {}}
	fmt.Printf("%v\n%+v\n", byUser, byUser)
	ptrs := []*User{u, {"bo", 4}}
	for i, p := range ptrs {
		fmt.Printf("%d %+v %v\n", i, *p, *p)
	}
	fmt.Printf("%#v\n", tasks[0].Tags)
	grid := [][]int{{1, 2}, {3}, {}}
	fmt.Println(grid, len(grid[2]))
	m := map[int]map[string]bool{2: {"x": true}, 1: {"y": false, "a": true}}
	fmt.Println(m)
	arr := [2]User{{"z", 1}}
	fmt.Printf("%+v %v\n", arr, arr)
	type pair struct {
		k string
		v []int
	}
	fmt.Printf("%+v\n", []pair{{"p", []int{1}}, {"q", nil}})
	fmt.Printf("%#v\n", User{"ana", 30})
}
