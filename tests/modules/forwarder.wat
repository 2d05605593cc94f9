;; A coordinator zome for the nested and re-entrant cases of the bad-input
;; matrix (tests/host/bad_input_matrix_test.cpp). `forward` takes as its
;; argument the msgpack of a Vec<Call> (hdk/types/call.hpp), hands it to the
;; `call` host function and returns what the host answered. For a callee
;; that fails, that is Err(WasmError), already a zome function's result; an
;; Ok(Vec<ZomeCallResponse>) is not (no ExternIO around it) and the host
;; refuses it as a malformed result, so forward serves only failing callees.
;; The test builds the calls, so one module serves every case, including
;; calls back into this zome.
(module
  (import "env" "__hc__call_1" (func $call (param i32 i32) (result i64)))
  (memory (export "memory") 1)

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

  ;; The input is an ExternIO: a msgpack bin (bin8 or bin16 header) around
  ;; the argument's bytes. Anything else traps.
  (func (export "forward") (param $ptr i32) (param $len i32) (result i64)
    (local $tag i32)
    (local.set $tag (i32.load8_u (local.get $ptr)))
    (if (i32.eq (local.get $tag) (i32.const 0xc4))
      (then (return (call $call (i32.add (local.get $ptr) (i32.const 2))
                                (i32.sub (local.get $len) (i32.const 2))))))
    (if (i32.eq (local.get $tag) (i32.const 0xc5))
      (then (return (call $call (i32.add (local.get $ptr) (i32.const 3))
                                (i32.sub (local.get $len) (i32.const 3))))))
    unreachable)
)
