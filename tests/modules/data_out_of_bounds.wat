;; A data segment that ends past its memory, so instantiation fails.
(module
  (memory 1)
  (data (i32.const 65530) "0123456789")
)
