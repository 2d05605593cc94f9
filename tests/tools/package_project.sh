#!/bin/sh
# What a new user does: hdk-new writes a project into DIR, which is then
# configured with the hdk package (CMAKE_ARGS say which one), built, and
# tested through its `check` target on every runtime it lists; with the wasm
# built, hdk-pack packs its .dna and .happ, and hdk-run runs its two-agent
# scenario.yaml on the packed .dna, then reads the created entry back by its
# hash written in a call's JSON. hdk-pack and hdk-run are hdk-new's siblings.
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
[ -d app/build/wasm-wasi ] || exit 0

# Release and run: the README's "Pack and run".
tools=$(dirname "$hdk_new")
(cd app && "$tools/hdk-pack" dna . && "$tools/hdk-pack" happ .) >> "$log" 2>&1 || fail "hdk-pack failed"
[ -s app/app.dna ] && [ -s app/app.happ ] || fail "hdk-pack wrote no app.dna or app.happ"
dna_hash=$(sed -n 's/^DNA hash //p' "$log" | tail -n 1)
"$tools/hdk-pack" unpack app/app.happ unpacked >> "$log" 2>&1 || fail "the .happ does not unpack"
cmp -s unpacked/app.dna app/app.dna || fail "the .happ does not hold app.dna"
run=$("$tools/hdk-run" scenario app/scenario.yaml --fixed-inputs new 2>&1)
status=$?
printf '%s\n' "$run" >> "$log"
[ "$status" -eq 0 ] || fail "hdk-run scenario app/scenario.yaml failed"
printf '%s\n' "$run" | grep -q "^dna $dna_hash " || fail "hdk-run's DNA hash is not hdk-pack's ($dna_hash)"
printf '%s\n' "$run" | grep -q "^agent bob uhCAk" || fail "no agent bob"
created=$(printf '%s\n' "$run" | sed -n '/^step 1 created:/,/^step 2/s/^  -> "\(uhCkk[A-Za-z0-9_-]*\)"$/\1/p')
[ -n "$created" ] || fail "step 1 answered no action hash"
# The same run (fixed inputs), and bob reads the entry by its hash, written out.
get=$(sed -n 's/^    fn: \(get_[a-z0-9_]*\)$/\1/p' app/scenario.yaml | head -n 1)
again=$("$tools/hdk-run" scenario app/scenario.yaml --fixed-inputs new --quiet \
  --call "bob:app:$get:\"$created\"" 2>&1) || fail "the call by hash failed: $again"
printf '%s\n' "$again" >> "$log"
[ "$(printf '%s\n' "$again" | sed -n 2p)" = "$(printf '%s\n' "$again" | tail -n 1)" ] ||
  fail "bob's $get of $created is not what the scenario read"
echo "package_project: packed app.happ (DNA $dna_hash); scenario.yaml passed; bob read $created"
