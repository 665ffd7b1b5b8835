// Native Go baseline for tests/bench/run.mjs: N goroutines each time.Sleep(D) once, main waits
// on a sync.WaitGroup. Prints one JSON object.
//
//	spawn_us     time of the loop of `go` statements (creation only)
//	parked_us    time until all N goroutines are blocked in their sleep
//	total_us     time until wg.Wait() returns
//	sys / stack  runtime.MemStats Sys and StackInuse deltas while all N are parked
package main

import (
	"encoding/json"
	"flag"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	n := flag.Int("n", 100000, "goroutines")
	sleepMs := flag.Int("sleep", 100, "sleep of each goroutine, ms")
	flag.Parse()
	d := time.Duration(*sleepMs) * time.Millisecond

	runtime.GC()
	var before, peak runtime.MemStats
	runtime.ReadMemStats(&before)

	var wg sync.WaitGroup
	var parked int64
	start := time.Now()
	for i := 0; i < *n; i++ {
		wg.Add(1)
		go func() {
			atomic.AddInt64(&parked, 1)
			time.Sleep(d)
			wg.Done()
		}()
	}
	spawned := time.Since(start)
	// Each goroutine counts itself just before it sleeps; spin (yielding) until all did.
	for atomic.LoadInt64(&parked) < int64(*n) {
		runtime.Gosched()
	}
	parkedAt := time.Since(start)
	runtime.ReadMemStats(&peak) // stops the world briefly; all goroutines are asleep by now
	wg.Wait()
	total := time.Since(start)

	nf := float64(*n)
	out := map[string]any{
		"way":                    "go",
		"go_version":             runtime.Version(),
		"gomaxprocs":             runtime.GOMAXPROCS(0),
		"n":                      *n,
		"sleep_ms":               *sleepMs,
		"total_us":               float64(total.Nanoseconds()) / 1e3,
		"spawn_us":               float64(spawned.Nanoseconds()) / 1e3,
		"parked_us":              float64(parkedAt.Nanoseconds()) / 1e3,
		"spawn_us_per_task":      float64(spawned.Nanoseconds()) / 1e3 / nf,
		"parked_us_per_task":     float64(parkedAt.Nanoseconds()) / 1e3 / nf,
		"us_per_task_over_sleep": (float64(total.Nanoseconds())/1e3 - float64(*sleepMs)*1000) / nf,
		"parked_peak":            *n,
		"sys_before":             before.Sys,
		"sys_peak":               peak.Sys,
		"sys_per_task":           (float64(peak.Sys) - float64(before.Sys)) / nf,
		"stack_inuse_per_task":   (float64(peak.StackInuse) - float64(before.StackInuse)) / nf,
		"heap_inuse_per_task":    (float64(peak.HeapInuse) - float64(before.HeapInuse)) / nf,
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
