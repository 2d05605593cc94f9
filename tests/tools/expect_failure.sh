#!/bin/sh
# expect_failure.sh REGEX COMMAND...: passes when COMMAND exits non-zero and
# its output (stdout and stderr, joined into one line) matches REGEX (grep -E).
regex=$1
shift
out=$("$@" 2>&1)
status=$?
if [ "$status" -eq 0 ]; then
  echo "expected a failure, got exit 0:"
  echo "$out"
  exit 1
fi
if ! printf '%s\n' "$out" | tr '\n' ' ' | grep -Eq -- "$regex"; then
  echo "exit $status, but the output does not match /$regex/:"
  echo "$out"
  exit 1
fi
exit 0
