;; A guest allocator that sets itself up on its first use, as wasi-libc's
;; malloc does (it grows memory for its heap then): engines that restore
;; instances from a snapshot take it after that first use, so no call pays for
;; it again (tests/engine/instance_reset_test.cpp).
(module
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 0))  ;; the next free byte; 0 before the set-up
  (global $setups (mut i32) (i32.const 0))

  (func (export "__hc__allocate_1") (param $len i32) (result i32)
    (local $ptr i32)
    (if (i32.eqz (global.get $heap))
      (then
        (global.set $setups (i32.add (global.get $setups) (i32.const 1)))
        (drop (memory.grow (i32.const 1)))
        (i32.store (i32.const 65536) (i32.const 0x600d))  ;; the heap's header
        (global.set $heap (i32.const 65540))))
    (local.set $ptr (global.get $heap))
    (global.set $heap (i32.add (global.get $heap) (local.get $len)))
    (local.get $ptr))

  (func (export "__hc__deallocate_1") (param i32 i32))

  ;; (set-ups in this instance's history) << 32 | memory pages.
  (func (export "state") (param i32 i32) (result i64)
    (i64.or (i64.shl (i64.extend_i32_u (global.get $setups)) (i64.const 32))
            (i64.extend_i32_u (memory.size)))))
