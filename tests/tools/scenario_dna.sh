#!/bin/sh
# hdk-run on a packed .dna: the forum example's wasm packed by hdk-pack, then
# two agents calling it, a hash written in the JSON of a --call. With fixed
# inputs a run is repeatable, so the hash a first run prints is the one the
# second run's call names.
#   scenario_dna.sh HDK_PACK HDK_RUN ZOME_DIR WORK_DIR
set -u
pack=$1 run=$2 zomes=$3 work=$4
fail() { echo "scenario_dna: $1" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work" || exit 1
cp "$zomes/forum_integrity.wasm" "$zomes/forum.wasm" "$work/" || exit 1
cat > "$work/dna.yaml" <<'YAML'
manifest_version: '0'
name: forum
integrity:
  network_seed: scenario-dna
  properties: null
  zomes:
  - name: forum_integrity
    path: forum_integrity.wasm
coordinator:
  zomes:
  - name: forum
    path: forum.wasm
    dependencies:
    - name: forum_integrity
YAML
packed=$("$pack" dna "$work") || fail "hdk-pack failed: $packed"
echo "$packed"
dna_hash=$(printf '%s\n' "$packed" | sed -n 's/^DNA hash //p')
[ -n "$dna_hash" ] || fail "hdk-pack printed no DNA hash"
post='{"title":"Packed","body":"from a .dna"}'
first=$("$run" scenario --dna "$work/forum.dna" --agents alice,bob --fixed-inputs t \
  --call "alice:forum:create_post:$post" 2>&1) || fail "the first run failed: $first"
echo "$first"
printf '%s\n' "$first" | grep -q "^dna $dna_hash " || fail "hdk-run's DNA hash is not hdk-pack's $dna_hash"
hash=$(printf '%s\n' "$first" | sed -n 's/^  -> "\(uhCkk[A-Za-z0-9_-]*\)"$/\1/p')
[ -n "$hash" ] || fail "create_post answered no action hash"
second=$("$run" scenario --dna "$work/forum.dna" --agents alice,bob --fixed-inputs t --quiet \
  --call "alice:forum:create_post:$post" --call "bob:forum:get_post:\"$hash\"" 2>&1) ||
  fail "the second run failed: $second"
echo "$second"
[ "$(printf '%s\n' "$second" | sed -n 2p)" = "$post" ] ||
  fail "bob's get_post of $hash did not answer the post"
echo "scenario_dna: bob read alice's post by its hash from the packed DNA"
