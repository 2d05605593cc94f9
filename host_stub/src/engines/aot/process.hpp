// Running the external tools the aot engine drives (wasm2c, the C compiler)
// and capturing what they print, without a shell in between.
#pragma once

#include <sys/types.h>

#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hdk_host::aot {

struct ProcessResult {
  /// False when the program could not be started at all (not found, not executable).
  bool started = false;
  int exit_code = -1;
  /// stdout and stderr, interleaved as the program wrote them.
  std::string output;

  bool ok() const { return started && exit_code == 0; }
};

/// Stops the processes started under it (see current_cancellation): cancel()
/// kills those running and makes later ones fail without starting. How a
/// background compile is abandoned without waiting for the compiler.
class Cancellation {
 public:
  void cancel();
  bool cancelled() const;

 private:
  friend ProcessResult run_process(const std::vector<std::string>& argv);
  mutable std::mutex mutex_;
  bool cancelled_ = false;
  std::set<pid_t> children_;
};

/// The Cancellation run_process obeys on this thread (null: none). A thread
/// that runs processes for another copies the other's value.
Cancellation*& current_cancellation();

/// Runs argv[0] (looked up on PATH when it has no slash) with stdin from /dev/null.
ProcessResult run_process(const std::vector<std::string>& argv);

/// The absolute path PATH resolves `program` to, or nullopt. A name with a slash is
/// returned as given when it is an executable file.
std::optional<std::string> find_program(const std::string& program);

/// Splits a command like $CC ("ccache gcc -m64") into words at whitespace. No quoting.
std::vector<std::string> split_command(const std::string& command);

}  // namespace hdk_host::aot
