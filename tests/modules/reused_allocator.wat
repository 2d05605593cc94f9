;; A zome whose allocator hands out the same pointer every time; `twice`
;; asks the host for two answers and returns the first, which the second
;; overwrote.
(module
  (import "env" "__hc__agent_info_1" (func $agent_info (param i32 i32) (result i64)))
  (import "env" "__hc__zome_info_1" (func $zome_info (param i32 i32) (result i64)))
  (memory (export "memory") 1)
  (data (i32.const 16) "\c0")  ;; msgpack nil: the unit input of both
  (func (export "__hc__allocate_1") (param i32) (result i32)
    (i32.const 1024))
  (func (export "__hc__deallocate_1") (param i32 i32))
  (func (export "twice") (param i32 i32) (result i64)
    (local $first i64)
    (local.set $first (call $agent_info (i32.const 16) (i32.const 1)))
    (drop (call $zome_info (i32.const 16) (i32.const 1)))
    (local.get $first))
)
