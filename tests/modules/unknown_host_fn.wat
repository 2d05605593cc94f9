;; An env.__hc__ import that is not one of Holochain's host functions.
(module
  (import "env" "__hc__no_such_thing_1" (func (param i32 i32) (result i64)))
  (memory (export "memory") 1)
  (func (export "__hc__allocate_1") (param i32) (result i32) i32.const 0)
  (func (export "__hc__deallocate_1") (param i32 i32)))
