#!/bin/sh
# docs_name_release.sh HDK_CHECK DOC...: passes when each DOC names the
# release exactly as `hdk-check --version` prints it (hdk/release.hpp is the
# one place it is written in the code).
set -eu
hdk_check=$1
shift
release=$("$hdk_check" --version | sed 's/^.* for //')
[ -n "$release" ] || { echo "hdk-check --version printed no release"; exit 1; }
status=0
for doc in "$@"; do
  # Markdown may wrap the line: compare with whitespace folded.
  if ! tr '\n' ' ' <"$doc" | tr -s ' ' | grep -qF -- "$release"; then
    echo "$doc does not name the release as hdk-check does: $release"
    status=1
  fi
done
exit $status
