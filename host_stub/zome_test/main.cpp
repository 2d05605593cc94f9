// The main of a test that hdk_add_zome_test builds: Catch2's session, on the
// runtime hdk_host::zome_test selects. Compiled in the zome author's project
// (so with their Catch2), with HDK_ZOME_TEST_BUILDS naming the zomes' files.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <hdk_host/zome_test.hpp>

extern const char* const hdk_zome_test_builds;

namespace {

int run_catch(int argc, char** argv) { return Catch::Session().run(argc, argv); }

}  // namespace

int main(int argc, char** argv) {
  return hdk_host::zome_test::main(argc, argv, hdk_zome_test_builds, run_catch);
}
