;; Imports a WASI function beside the ABI's one: the host provides no WASI.
(module
  (import "env" "__hc__trace_1" (func (param i32 i32) (result i64)))
  (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
)
