"""fib(30) by naive recursion in CPython: the yardstick the interpreter must beat."""
import time


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


start = time.perf_counter()
r = fib(30)
print(r, round((time.perf_counter() - start) * 1e6))
