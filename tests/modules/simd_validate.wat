;; An integrity-shaped module (it exports validate) whose validate uses SIMD
;; and float arithmetic, for hdk-check --determinism: both are listed, and it
;; is warned about, since validation must answer alike on every peer.
(module
  (memory (export "memory") 1)
  (func (export "__hc__allocate_1") (param i32) (result i32) (i32.const 1024))
  (func (export "__hc__deallocate_1") (param i32 i32))
  (func $lanes (export "validate") (param $ptr i32) (param $len i32) (result i64)
    (i64x2.extract_lane 0
      (i64x2.splat (i64.extend_i32_u
        (i32.trunc_sat_f32_u
          (f32x4.extract_lane 0
            (f32x4.add (v128.load (local.get $ptr)) (v128.load (local.get $len)))))))))
  (func (export "ratio") (param $ptr i32) (param $len i32) (result i64)
    (i64.trunc_sat_f64_s
      (f64.div (f64.convert_i32_u (local.get $ptr)) (f64.convert_i32_u (local.get $len))))))
