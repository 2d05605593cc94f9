;; A zome whose allocator hands the host a pointer outside its memory.
(module
  (memory (export "memory") 1)
  (func (export "__hc__allocate_1") (param i32) (result i32)
    (i32.const 0xfffffff0))
  (func (export "__hc__deallocate_1") (param i32 i32))
  (func (export "echo") (param i32 i32) (result i64)
    (i64.const 0))
)
