"""N asyncio tasks each sleep 100 ms once; prints microseconds per task beyond the sleep."""
import asyncio
import sys
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100000


async def worker():
    await asyncio.sleep(0.1)


async def main():
    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(N)))
    total = time.perf_counter() - start
    print(N, round((total - 0.1) / N * 1e6, 3))


asyncio.run(main())
