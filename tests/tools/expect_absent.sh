#!/bin/sh
# expect_absent.sh REGEX COMMAND...: passes when COMMAND exits 0 and its
# output (stdout and stderr, joined into one line) does not match REGEX.
regex=$1
shift
out=$("$@" 2>&1)
status=$?
if [ "$status" -ne 0 ]; then
  echo "expected success, got exit $status:"
  echo "$out"
  exit 1
fi
if printf '%s\n' "$out" | tr '\n' ' ' | grep -Eq -- "$regex"; then
  echo "the output matches /$regex/, which it must not:"
  echo "$out"
  exit 1
fi
exit 0
