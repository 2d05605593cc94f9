;; Guests for the aot engine's own tests: runaway code for deadlines, memory
;; growth for limits, a trap, and a host call.
(module
  (import "env" "__hc__wait_1" (func $wait (param i32 i32) (result i64)))
  (memory (export "memory") 1)

  ;; a + b
  (func (export "add") (param i32 i32) (result i64)
    (i64.extend_i32_u (i32.add (local.get 0) (local.get 1))))

  ;; Never returns: an empty loop.
  (func (export "spin") (param i32 i32) (result i64)
    (loop $forever (br $forever))
    (i64.const 0))

  ;; fib(a) by plain recursion: no loop at all, ~fib(a) calls.
  (func $fib (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
  (func (export "fib") (param i32 i32) (result i64)
    (i64.extend_i32_u (call $fib (local.get 0))))

  ;; The host function's answer, plus one.
  (func (export "call_host") (param i32 i32) (result i64)
    (i64.add (call $wait (local.get 0) (local.get 1)) (i64.const 1)))

  (func (export "trap") (param i32 i32) (result i64)
    unreachable)

  ;; memory.grow(a): the old size in pages, or -1.
  (func (export "grow") (param i32) (result i32)
    (memory.grow (local.get 0)))
)
