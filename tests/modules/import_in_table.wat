;; A host function reached through the table (call_indirect), as Emscripten
;; builds a call through a function pointer to an import.
(module
  (type $hostfn (func (param i32 i32) (result i64)))
  (import "env" "__hc__trace_1" (func $trace (type $hostfn)))
  (memory (export "memory") 1)
  (table 2 funcref)
  (elem (i32.const 1) $trace)
  (global $bump (mut i32) (i32.const 1024))
  (func (export "__hc__allocate_1") (param $len i32) (result i32)
    (local $p i32)
    global.get $bump
    local.set $p
    global.get $bump
    local.get $len
    i32.add
    global.set $bump
    local.get $p)
  (func (export "__hc__deallocate_1") (param i32 i32))
  ;; Calls the import indirectly with its own input and returns its answer.
  (func (export "via_table") (param $ptr i32) (param $len i32) (result i64)
    local.get $ptr
    local.get $len
    i32.const 1
    call_indirect (type $hostfn)))
