#!/bin/sh
# What a new user does: hdk-new writes a project into DIR, which is then
# configured with the hdk package (CMAKE_ARGS say which one), built, and
# tested through its `check` target on every runtime it lists.
#   package_project.sh DIR HDK_NEW "NEW_ARGS" CMAKE_ARGS...
set -u
dir=$1 hdk_new=$2 new_args=$3
shift 3
log="$dir.log"
rm -rf "$dir" && mkdir -p "$dir" || exit 1
fail() { cat "$log"; echo "package_project: $1" >&2; exit 1; }
cd "$dir" || exit 1
# shellcheck disable=SC2086
"$hdk_new" app $new_args > "$log" 2>&1 || fail "hdk-new failed"
cmake -S app -B app/build -G Ninja "$@" >> "$log" 2>&1 || fail "configure failed"
cmake --build app/build --target check >> "$log" 2>&1 || fail "build or tests failed"
# One ctest per runtime the program lists, each passed.
runtimes=$(app/build/app_test --hdk-runtimes | wc -l)
passed=$(grep -c "app_test: .* Passed" "$log")
[ "$runtimes" -ge 1 ] && [ "$passed" -eq "$runtimes" ] ||
  fail "$passed ctests passed for $runtimes runtimes"
grep -q "app_test: native .* Passed" "$log" || fail "no native run"
# The manifests name files the build made.
if [ -d app/build/wasm-wasi ]; then
  for wasm in $(sed -n 's/^ *path: \(build\/.*\.wasm\)$/\1/p' app/dna.yaml); do
    [ -s "app/$wasm" ] || fail "dna.yaml names $wasm, which the build did not make"
  done
fi
echo "package_project: $passed runtimes passed"
