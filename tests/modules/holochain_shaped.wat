;; A zome shaped as the Rust hdk builds one: it imports Holochain host
;; functions the HDK never wraps (a Rust zome imports all of them), and its
;; integrity half exports the const functions __num_entry_types and
;; __num_link_types, () -> i32.
(module
  (import "env" "__hc__get_agent_activity_1" (func $activity (param i32 i32) (result i64)))
  (import "env" "__hc__schedule_1" (func $schedule (param i32 i32) (result i64)))
  (import "env" "__hc__random_bytes_1" (func $random_bytes (param i32 i32) (result i64)))
  (memory (export "memory") 1)
  (global $next (mut i32) (i32.const 1024))
  ;; A bump allocator: enough for the few small regions a test moves.
  (func (export "__hc__allocate_1") (param $len i32) (result i32)
    (local $ptr i32)
    (local.set $ptr (global.get $next))
    (global.set $next (i32.add (global.get $next) (local.get $len)))
    (local.get $ptr))
  (func (export "__hc__deallocate_1") (param i32 i32))
  (func (export "__num_entry_types") (result i32) (i32.const 3))
  (func (export "__num_link_types") (result i32) (i32.const 2))
  ;; Hands its input to get_agent_activity and returns that answer as its own.
  (func (export "activity") (param i32 i32) (result i64)
    (call $activity (local.get 0) (local.get 1))))
