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

  ;; The sum of every byte of memory, from the start or from `from`.
  (func (export "checksum") (param $from i32) (result i32)
    (local $sum i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $from) (i32.mul (memory.size) (i32.const 65536))))
        (local.set $sum (i32.add (local.get $sum) (i32.load8_u (local.get $from))))
        (local.set $from (i32.add (local.get $from) (i32.const 1)))
        (br $next)))
    (local.get $sum)))
