#!/bin/sh
# expect_success.sh REGEX COMMAND...: passes when COMMAND exits 0 and its
# output (stdout and stderr, joined into one line) matches REGEX (grep -E).
regex=$1
shift
out=$("$@" 2>&1)
status=$?
if [ "$status" -ne 0 ]; then
  echo "expected success, got exit $status:"
  echo "$out"
  exit 1
fi
if ! printf '%s\n' "$out" | tr '\n' ' ' | grep -Eq -- "$regex"; then
  echo "exit 0, but the output does not match /$regex/:"
  echo "$out"
  exit 1
fi
exit 0
