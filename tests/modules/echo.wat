;; A zome-shaped module for engine tests: the ABI's memory and allocator
;; exports, one host import, and exports that reach it or fail on purpose.
(module
  (import "env" "__hc__trace_1" (func $trace (param i32 i32) (result i64)))
  (memory (export "memory") 1)

  ;; A bump allocator: regions are never reused, so tests can predict them.
  (global $next (mut i32) (i32.const 1024))
  (global $freed (mut i32) (i32.const 0))

  (func (export "__hc__allocate_1") (param $len i32) (result i32)
    (local $ptr i32)
    (local $end i32)
    (local.set $ptr (global.get $next))
    (local.set $end (i32.add (local.get $ptr) (local.get $len)))
    (block $fits
      (loop $grow
        (br_if $fits
          (i32.le_u (local.get $end) (i32.mul (memory.size) (i32.const 65536))))
        ;; Out of memory is a 0 pointer, which the host reports.
        (if (i32.eq (memory.grow (i32.const 1)) (i32.const -1))
          (then (return (i32.const 0))))
        (br $grow)))
    (global.set $next (local.get $end))
    (local.get $ptr))

  ;; Counts what was released, so tests can see the host's deallocate calls.
  (func (export "__hc__deallocate_1") (param $ptr i32) (param $len i32)
    (global.set $freed (i32.add (global.get $freed) (local.get $len))))

  ;; Bytes released so far; the argument only gives it call_i32's shape.
  (func (export "freed") (param i32) (result i32)
    (global.get $freed))

  ;; Hands its input to the host and returns the host's answer untouched.
  (func (export "echo") (param $ptr i32) (param $len i32) (result i64)
    (call $trace (local.get $ptr) (local.get $len)))

  (func (export "boom") (param i32 i32) (result i64)
    unreachable)

  (func (export "spin") (param i32 i32) (result i64)
    (loop $forever (br $forever))
    unreachable)
)
