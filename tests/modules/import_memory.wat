;; Imports its memory instead of defining it; hosts provide only functions.
(module
  (import "env" "memory" (memory 1))
)
