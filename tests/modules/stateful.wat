;; Leaves traces of every call in its instance: a global, a word of its data
;; segment, a word of zeroed memory and a grown page. A fresh instance must
;; see none of them (tests/engine/instance_reset_test.cpp).
(module
  (memory (export "memory") 2)
  (data (i32.const 16) "\2a\00\00\00")
  (global $calls (mut i32) (i32.const 0))

  ;; Returns (calls so far) << 32 | (data word + zeroed word + grown pages),
  ;; then changes each of them.
  (func (export "visit") (param i32 i32) (result i64)
    (local $seen i64)
    (local.set $seen
      (i64.or
        (i64.shl (i64.extend_i32_u (global.get $calls)) (i64.const 32))
        (i64.extend_i32_u
          (i32.add (i32.add (i32.load (i32.const 16)) (i32.load (i32.const 70000)))
                   (i32.sub (memory.size) (i32.const 2))))))
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (i32.store (i32.const 16) (i32.const 7))
    (i32.store (i32.const 70000) (i32.const 1000))
    (drop (memory.grow (i32.const 1)))
    (i32.store (i32.const 131080) (i32.const 5))
    (local.get $seen))

  ;; The same traces without growing memory, so an engine may recycle it whole.
  (func (export "scribble") (param i32 i32) (result i64)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (i32.store (i32.const 16) (i32.const 7))
    (i32.store (i32.const 70000) (i32.const 1000))
    (i64.extend_i32_u (global.get $calls)))

  ;; Traces where a store or a bulk copy ends past the block it starts in, or
  ;; at the very end of memory: an i64 across the 1 KiB boundary at 1024, the
  ;; data segment overwritten by memory.fill, copied over the zeroed word by
  ;; memory.copy, and the last 8 bytes of the second page.
  (func (export "edges") (param i32 i32) (result i64)
    (i64.store (i32.const 1020) (i64.const -1))
    (i64.store (i32.const 4093) (i64.const -1))
    (memory.fill (i32.const 12) (i32.const 0x55) (i32.const 12))
    (memory.copy (i32.const 70000) (i32.const 12) (i32.const 8))
    (i64.store (i32.const 131064) (i64.const -1))
    (i64.const 0))

  ;; Grows memory by a page and returns the sum of that page's bytes (0 on a
  ;; fresh page), after leaving a trace in it; -1 when it cannot grow.
  (func (export "grow_sum") (param i32 i32) (result i64)
    (local $page i32)
    (local.set $page (memory.grow (i32.const 1)))
    (if (i32.eq (local.get $page) (i32.const -1)) (then (return (i64.const -1))))
    (local.set $page (i32.mul (local.get $page) (i32.const 65536)))
    (i64.extend_i32_u (call $sum (local.get $page)))
    (i32.store (i32.add (local.get $page) (i32.const 40000)) (i32.const 9)))

  ;; The sum of every byte of memory, from the start or from `from`.
  (func $sum (export "checksum") (param $from i32) (result i32)
    (local $sum i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $from) (i32.mul (memory.size) (i32.const 65536))))
        (local.set $sum (i32.add (local.get $sum) (i32.load8_u (local.get $from))))
        (local.set $from (i32.add (local.get $from) (i32.const 1)))
        (br $next)))
    (local.get $sum)))
