;; Bit counting, which wasm2c's C leaves to compiler builtins that tcc lacks
;; (the tcc tier's prelude provides them): each export counts in `a`
;; (i32) or in the i64 made of (a << 32 | b).
(module
  (func $wide (param i32 i32) (result i64)
    (i64.or (i64.shl (i64.extend_i32_u (local.get 0)) (i64.const 32))
            (i64.extend_i32_u (local.get 1))))
  (func (export "clz32") (param i32 i32) (result i64)
    (i64.extend_i32_u (i32.clz (local.get 0))))
  (func (export "ctz32") (param i32 i32) (result i64)
    (i64.extend_i32_u (i32.ctz (local.get 0))))
  (func (export "popcnt32") (param i32 i32) (result i64)
    (i64.extend_i32_u (i32.popcnt (local.get 0))))
  (func (export "clz64") (param i32 i32) (result i64)
    (i64.clz (call $wide (local.get 0) (local.get 1))))
  (func (export "ctz64") (param i32 i32) (result i64)
    (i64.ctz (call $wide (local.get 0) (local.get 1))))
  (func (export "popcnt64") (param i32 i32) (result i64)
    (i64.popcnt (call $wide (local.get 0) (local.get 1))))
)
