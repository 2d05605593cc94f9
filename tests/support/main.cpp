#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
// The sanitizer build: LeakSanitizer's scan of dynamic TLS crashed at exit
// (a DTLS range of garbage size) once aot had loaded and unloaded compiled
// modules, whose glue has thread-locals. Without the interception it does
// not track dynamic TLS, which can only add leak reports, never hide one.
extern "C" const char* __asan_default_options() { return "intercept_tls_get_addr=0"; }
#endif
#endif
