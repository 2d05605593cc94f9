;; A zome-shaped module that does not export its memory.
(module
  (memory 1)
  (func (export "__hc__allocate_1") (param i32) (result i32) i32.const 0)
  (func (export "__hc__deallocate_1") (param i32 i32))
  (func (export "f") (param i32 i32) (result i64) i64.const 0))
