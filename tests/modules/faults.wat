;; Exports that fail in every way a guest can, plus helpers for memory and
;; budget tests. No imports, so it instantiates with no host functions.
(module
  (memory (export "memory") 1)
  (global (export "answer") i32 (i32.const 42))

  (func (export "trap") (param i32 i32) (result i64)
    unreachable)

  (func (export "divide") (param $a i32) (param $b i32) (result i64)
    (i64.extend_i32_u (i32.div_u (local.get $a) (local.get $b))))

  ;; Loads 8 bytes at `ptr`: out of bounds near the end of memory.
  (func (export "load") (param $ptr i32) (param i32) (result i64)
    (i64.load (local.get $ptr)))

  (func $recurse (export "recurse") (param $a i32) (param $b i32) (result i64)
    (call $recurse (local.get $a) (local.get $b)))

  (func (export "spin") (param i32 i32) (result i64)
    (loop $forever (br $forever))
    unreachable)

  ;; Sums 0 .. n-1 in a loop: n iterations of guest work.
  (func (export "count") (param $n i32) (param i32) (result i64)
    (local $i i32)
    (local $sum i64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $sum (i64.add (local.get $sum) (i64.extend_i32_u (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $sum))

  ;; memory.grow's answer: the old size in pages, or -1.
  (func (export "grow") (param $pages i32) (result i32)
    (memory.grow (local.get $pages)))

  (func (export "pages") (param i32) (result i32)
    (memory.size))

  ;; Wrong shapes for every call_* kind.
  (func (export "one_param") (param i32) (result i64)
    (i64.const 0))
  (func (export "returns_f64") (param i32 i32) (result f64)
    (f64.const 0))
)
