;; Imports __hc__get_link_details_1, which Holochain 0.7.0 does not link (renamed in 0.6): a
;; conductor fails to instantiate it, so the host refuses it at load.
(module
  (import "env" "__hc__get_link_details_1" (func (param i32 i32) (result i64)))
  (memory (export "memory") 1)
  (func (export "__hc__allocate_1") (param i32) (result i32) i32.const 0)
  (func (export "__hc__deallocate_1") (param i32 i32)))
