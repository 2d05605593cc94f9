;; A zome whose allocator has the wrong wasm type.
(module
  (memory (export "memory") 1)
  (func (export "__hc__allocate_1") (param i64) (result i32) i32.const 0)
  (func (export "__hc__deallocate_1") (param i32 i32))
)
