;; A start function that leaves a mark the test can read.
(module
  (global $started (mut i32) (i32.const 0))
  (func $start (global.set $started (i32.const 7)))
  (start $start)
  (func (export "started") (param i32) (result i32)
    (global.get $started))
)
