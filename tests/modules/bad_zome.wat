;; A coordinator zome that fails at the boundary in every way a guest can,
;; for the bad-input matrix (tests/host/bad_input_matrix_test.cpp). Each
;; export is a zome function: (ptr, len) of its input in, packed (ptr, len)
;; of its result out.
(module
  (import "env" "__hc__create_1" (func $create (param i32 i32) (result i64)))
  (memory (export "memory") 1)
  ;; 16: a byte that is no msgpack (0xc1); 17: msgpack 7, not a Result.
  (data (i32.const 16) "\c1\07")

  (global $next (mut i32) (i32.const 1024))
  (func (export "__hc__allocate_1") (param $len i32) (result i32)
    (local $ptr i32)
    (local $end i32)
    (local.set $ptr (global.get $next))
    (local.set $end (i32.add (local.get $ptr) (local.get $len)))
    (block $fits
      (loop $grow
        (br_if $fits
          (i32.le_u (local.get $end) (i32.mul (memory.size) (i32.const 65536))))
        (if (i32.eq (memory.grow (i32.const 1)) (i32.const -1))
          (then (return (i32.const 0))))
        (br $grow)))
    (global.set $next (local.get $end))
    (local.get $ptr))
  (func (export "__hc__deallocate_1") (param i32 i32))

  (func (export "unreachable") (param i32 i32) (result i64)
    unreachable)
  (func (export "divide_by_zero") (param $ptr i32) (param $len i32) (result i64)
    (i64.extend_i32_u (i32.div_u (local.get $ptr) (i32.sub (local.get $len) (local.get $len)))))
  (func $recurse (export "recurse") (param $a i32) (param $b i32) (result i64)
    (call $recurse (local.get $a) (local.get $b)))
  (func (export "spin") (param i32 i32) (result i64)
    (loop $forever (br $forever))
    unreachable)

  ;; Results the host must refuse.
  (func (export "out_of_bounds_result") (param i32 i32) (result i64)
    (i64.const 0xfffffff000000010))  ;; ptr 0xfffffff0, len 16
  (func (export "overflowing_result") (param i32 i32) (result i64)
    (i64.const 0x00000010ffffffff))  ;; ptr 16, len 2^32 - 1
  (func (export "not_msgpack") (param i32 i32) (result i64)
    (i64.const 0x0000001000000001))  ;; the 0xc1 at 16
  (func (export "wrong_shape") (param i32 i32) (result i64)
    (i64.const 0x0000001100000001))  ;; the 7 at 17

  ;; Hands create a byte that is no msgpack and returns the host's answer as its own.
  (func (export "bad_host_input") (param i32 i32) (result i64)
    (call $create (i32.const 16) (i32.const 1)))

  ;; Asks for more memory than any limit allows, then writes where it would have been.
  (func (export "grow_past_limit") (param i32 i32) (result i64)
    (drop (memory.grow (i32.const 60000)))
    (i64.store (i32.mul (i32.const 65536) (i32.const 2)) (i64.const 1))
    (i64.const 0))
)
