#!/bin/sh
# expect.sh fails|succeeds REGEX COMMAND...: passes when COMMAND exits as
# expected (non-zero / zero) and its output (stdout and stderr, joined into
# one line) matches REGEX (grep -E).
want=$1
regex=$2
shift 2
out=$("$@" 2>&1)
status=$?
if [ "$want" = fails ] && [ "$status" -eq 0 ]; then
  echo "expected a failure, got exit 0:"
  echo "$out"
  exit 1
fi
if [ "$want" = succeeds ] && [ "$status" -ne 0 ]; then
  echo "expected success, got exit $status:"
  echo "$out"
  exit 1
fi
if ! printf '%s\n' "$out" | tr '\n' ' ' | grep -Eq -- "$regex"; then
  echo "exit $status, but the output does not match /$regex/:"
  echo "$out"
  exit 1
fi
exit 0
