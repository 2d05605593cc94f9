;; Imports a host function with a shape other than (i32, i32) -> i64.
(module
  (import "env" "__hc__trace_1" (func (param i32) (result i32)))
)
