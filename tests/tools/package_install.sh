#!/bin/sh
# `cmake --install` of this build to a prefix, and projects that use only
# that prefix: tests/consumer (hello and its hdk_add_zome_test, natively) and
# a project the installed hdk-new writes (with the wasi toolchain).
#   package_install.sh BUILD DIR CONSUMER_DIR HELLO_SOURCE NEW_ARGS CMAKE_ARGS...
set -u
build=$1 dir=$2 consumer=$3 hello=$4 new_args=$5
shift 5
log="$dir.log"
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$dir" && mkdir -p "$dir" || exit 1
fail() { cat "$log"; echo "package_install: $1" >&2; exit 1; }
prefix="$dir/prefix"
cmake --install "$build" --prefix "$prefix" > "$log" 2>&1 || fail "install failed"
for f in bin/hdk-new bin/hdk-check bin/hdk-strip bin/hdk-run bin/hdk-pack lib/libhdk_host.a \
    include/hdk-cpp/hdk/hdk.hpp include/hdk-cpp/hdk_host/zome_test.hpp \
    lib/cmake/hdk/hdk-config.cmake lib/cmake/hdk/hdk-targets.cmake; do
  [ -e "$prefix/$f" ] || fail "the prefix has no $f"
done
# Nothing installed points back into the build.
if grep -rl "$(cd "$build" && pwd)" "$prefix/lib/cmake"; then fail "the package names the build tree"; fi
cmake -S "$consumer" -B "$dir/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
  -DZOME_SOURCE="$hello" -DHDK_BUILD_WASM=OFF "$@" >> "$log" 2>&1 || fail "consumer: configure failed"
cmake --build "$dir/consumer" --target check >> "$log" 2>&1 || fail "consumer: build or test failed"
grep -q "hello_test: native .* Passed" "$log" || fail "consumer: hello_test did not pass natively"
sh "$here/package_project.sh" "$dir/new" "$prefix/bin/hdk-new" "$new_args" \
  -DCMAKE_PREFIX_PATH="$prefix" -DHDK_WASM_TOOLCHAINS=wasi "$@" >> "$log" 2>&1 ||
  fail "the installed hdk-new's project failed"
grep "package_project:" "$log"
