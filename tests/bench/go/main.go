// Native Go baseline for tests/bench/run.mjs. Prints one JSON object.
//
// -mode time: N goroutines each time.Sleep(D) once, main waits on a sync.WaitGroup.
//
//	spawn_us   time of the loop of `go` statements (creation only)
//	parked_us  time until every goroutine has started and is about to sleep
//	total_us   time until wg.Wait() returns
//
// With 2 cores, spawning 10^5 goroutines takes longer than D = 100 ms, so the first ones wake
// while later ones are still being created: they are never all parked at once. Hence
//
// -mode mem: the same goroutines sleep for an hour instead; once all N are asleep at once,
// runtime.MemStats Sys, StackInuse and HeapInuse deltas are divided by N, and the process exits
// (run it in its own process: Sys never shrinks, a previous phase would hide the growth).
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
	sleepMs := flag.Int("sleep", 100, "sleep of each goroutine in -mode time, ms")
	mode := flag.String("mode", "time", "time or mem")
	flag.Parse()
	d := time.Duration(*sleepMs) * time.Millisecond
	if *mode == "mem" {
		d = time.Hour
	}
	nf := float64(*n)

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
	// Each goroutine counts itself just before it sleeps; yield until all did.
	for atomic.LoadInt64(&parked) < int64(*n) {
		runtime.Gosched()
	}
	parkedAt := time.Since(start)
	out := map[string]any{
		"way":        "go",
		"mode":       *mode,
		"go_version": runtime.Version(),
		"gomaxprocs": runtime.GOMAXPROCS(0),
		"n":          *n,
	}
	if *mode == "mem" {
		time.Sleep(10 * time.Millisecond) // the last goroutine goes from its counter to its sleep
		runtime.ReadMemStats(&peak)
		out["parked_peak"] = runtime.NumGoroutine() - 1
		out["sys_before"] = before.Sys
		out["sys_peak"] = peak.Sys
		out["sys_per_task"] = (float64(peak.Sys) - float64(before.Sys)) / nf
		out["stack_inuse_per_task"] = (float64(peak.StackInuse) - float64(before.StackInuse)) / nf
		out["heap_inuse_per_task"] = (float64(peak.HeapInuse) - float64(before.HeapInuse)) / nf
		json.NewEncoder(os.Stdout).Encode(out)
		os.Exit(0) // the goroutines sleep for an hour
	}
	wg.Wait()
	total := time.Since(start)
	out["sleep_ms"] = *sleepMs
	out["total_us"] = float64(total.Nanoseconds()) / 1e3
	out["spawn_us"] = float64(parkedAt.Nanoseconds()) / 1e3
	out["spawn_us_per_task"] = float64(parkedAt.Nanoseconds()) / 1e3 / nf
	out["go_loop_us_per_task"] = float64(spawned.Nanoseconds()) / 1e3 / nf
	out["us_per_task_over_sleep"] = (float64(total.Nanoseconds())/1e3 - float64(*sleepMs)*1000) / nf
	json.NewEncoder(os.Stdout).Encode(out)
}
