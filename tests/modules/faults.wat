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

  ;; A loop whose body is long (48 loads, stores and multiplies per turn), so that metering
  ;; and deadline checks see one large charge per iteration instead of many small ones.
  (func (export "churn") (param i32 i32) (result i64)
    (local $x i64)
    (loop $forever
      (local.set $x (i64.add (local.get $x) (i64.const 1)))
        (i64.store (i32.const 0) (i64.add (i64.load (i32.const 8)) (i64.mul (local.get $x) (i64.const 3))))
        (i64.store (i32.const 8) (i64.add (i64.load (i32.const 16)) (i64.mul (local.get $x) (i64.const 4))))
        (i64.store (i32.const 16) (i64.add (i64.load (i32.const 24)) (i64.mul (local.get $x) (i64.const 5))))
        (i64.store (i32.const 24) (i64.add (i64.load (i32.const 32)) (i64.mul (local.get $x) (i64.const 6))))
        (i64.store (i32.const 32) (i64.add (i64.load (i32.const 40)) (i64.mul (local.get $x) (i64.const 7))))
        (i64.store (i32.const 40) (i64.add (i64.load (i32.const 48)) (i64.mul (local.get $x) (i64.const 8))))
        (i64.store (i32.const 48) (i64.add (i64.load (i32.const 56)) (i64.mul (local.get $x) (i64.const 9))))
        (i64.store (i32.const 56) (i64.add (i64.load (i32.const 64)) (i64.mul (local.get $x) (i64.const 10))))
        (i64.store (i32.const 64) (i64.add (i64.load (i32.const 72)) (i64.mul (local.get $x) (i64.const 11))))
        (i64.store (i32.const 72) (i64.add (i64.load (i32.const 80)) (i64.mul (local.get $x) (i64.const 12))))
        (i64.store (i32.const 80) (i64.add (i64.load (i32.const 88)) (i64.mul (local.get $x) (i64.const 13))))
        (i64.store (i32.const 88) (i64.add (i64.load (i32.const 96)) (i64.mul (local.get $x) (i64.const 14))))
        (i64.store (i32.const 96) (i64.add (i64.load (i32.const 104)) (i64.mul (local.get $x) (i64.const 15))))
        (i64.store (i32.const 104) (i64.add (i64.load (i32.const 112)) (i64.mul (local.get $x) (i64.const 16))))
        (i64.store (i32.const 112) (i64.add (i64.load (i32.const 120)) (i64.mul (local.get $x) (i64.const 17))))
        (i64.store (i32.const 120) (i64.add (i64.load (i32.const 0)) (i64.mul (local.get $x) (i64.const 18))))
        (i64.store (i32.const 0) (i64.add (i64.load (i32.const 8)) (i64.mul (local.get $x) (i64.const 19))))
        (i64.store (i32.const 8) (i64.add (i64.load (i32.const 16)) (i64.mul (local.get $x) (i64.const 20))))
        (i64.store (i32.const 16) (i64.add (i64.load (i32.const 24)) (i64.mul (local.get $x) (i64.const 21))))
        (i64.store (i32.const 24) (i64.add (i64.load (i32.const 32)) (i64.mul (local.get $x) (i64.const 22))))
        (i64.store (i32.const 32) (i64.add (i64.load (i32.const 40)) (i64.mul (local.get $x) (i64.const 23))))
        (i64.store (i32.const 40) (i64.add (i64.load (i32.const 48)) (i64.mul (local.get $x) (i64.const 24))))
        (i64.store (i32.const 48) (i64.add (i64.load (i32.const 56)) (i64.mul (local.get $x) (i64.const 25))))
        (i64.store (i32.const 56) (i64.add (i64.load (i32.const 64)) (i64.mul (local.get $x) (i64.const 26))))
        (i64.store (i32.const 64) (i64.add (i64.load (i32.const 72)) (i64.mul (local.get $x) (i64.const 27))))
        (i64.store (i32.const 72) (i64.add (i64.load (i32.const 80)) (i64.mul (local.get $x) (i64.const 28))))
        (i64.store (i32.const 80) (i64.add (i64.load (i32.const 88)) (i64.mul (local.get $x) (i64.const 29))))
        (i64.store (i32.const 88) (i64.add (i64.load (i32.const 96)) (i64.mul (local.get $x) (i64.const 30))))
        (i64.store (i32.const 96) (i64.add (i64.load (i32.const 104)) (i64.mul (local.get $x) (i64.const 31))))
        (i64.store (i32.const 104) (i64.add (i64.load (i32.const 112)) (i64.mul (local.get $x) (i64.const 32))))
        (i64.store (i32.const 112) (i64.add (i64.load (i32.const 120)) (i64.mul (local.get $x) (i64.const 33))))
        (i64.store (i32.const 120) (i64.add (i64.load (i32.const 0)) (i64.mul (local.get $x) (i64.const 34))))
        (i64.store (i32.const 0) (i64.add (i64.load (i32.const 8)) (i64.mul (local.get $x) (i64.const 35))))
        (i64.store (i32.const 8) (i64.add (i64.load (i32.const 16)) (i64.mul (local.get $x) (i64.const 36))))
        (i64.store (i32.const 16) (i64.add (i64.load (i32.const 24)) (i64.mul (local.get $x) (i64.const 37))))
        (i64.store (i32.const 24) (i64.add (i64.load (i32.const 32)) (i64.mul (local.get $x) (i64.const 38))))
        (i64.store (i32.const 32) (i64.add (i64.load (i32.const 40)) (i64.mul (local.get $x) (i64.const 39))))
        (i64.store (i32.const 40) (i64.add (i64.load (i32.const 48)) (i64.mul (local.get $x) (i64.const 40))))
        (i64.store (i32.const 48) (i64.add (i64.load (i32.const 56)) (i64.mul (local.get $x) (i64.const 41))))
        (i64.store (i32.const 56) (i64.add (i64.load (i32.const 64)) (i64.mul (local.get $x) (i64.const 42))))
        (i64.store (i32.const 64) (i64.add (i64.load (i32.const 72)) (i64.mul (local.get $x) (i64.const 43))))
        (i64.store (i32.const 72) (i64.add (i64.load (i32.const 80)) (i64.mul (local.get $x) (i64.const 44))))
        (i64.store (i32.const 80) (i64.add (i64.load (i32.const 88)) (i64.mul (local.get $x) (i64.const 45))))
        (i64.store (i32.const 88) (i64.add (i64.load (i32.const 96)) (i64.mul (local.get $x) (i64.const 46))))
        (i64.store (i32.const 96) (i64.add (i64.load (i32.const 104)) (i64.mul (local.get $x) (i64.const 47))))
        (i64.store (i32.const 104) (i64.add (i64.load (i32.const 112)) (i64.mul (local.get $x) (i64.const 48))))
        (i64.store (i32.const 112) (i64.add (i64.load (i32.const 120)) (i64.mul (local.get $x) (i64.const 49))))
        (i64.store (i32.const 120) (i64.add (i64.load (i32.const 0)) (i64.mul (local.get $x) (i64.const 50))))
      (br $forever))
    unreachable)

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
