#include "process.hpp"

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace hdk_host::aot {

void Cancellation::cancel() {
  std::lock_guard lock(mutex_);
  cancelled_ = true;
  for (pid_t child : children_) kill(child, SIGKILL);
}

bool Cancellation::cancelled() const {
  std::lock_guard lock(mutex_);
  return cancelled_;
}

Cancellation*& current_cancellation() {
  thread_local Cancellation* current = nullptr;
  return current;
}

ProcessResult run_process(const std::vector<std::string>& argv) {
  ProcessResult result;
  if (argv.empty()) return result;

  int fds[2];
  // Close-on-exec, so children spawned by other threads meanwhile do not hold
  // the write end open and delay our end-of-file.
  if (pipe2(fds, O_CLOEXEC) != 0) return result;

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 2);

  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);

  // Started and registered under the cancellation's lock, so cancel() either
  // sees the child or stops it from starting.
  Cancellation* const cancellation = current_cancellation();
  std::unique_lock<std::mutex> registration;
  if (cancellation) registration = std::unique_lock(cancellation->mutex_);
  pid_t pid = 0;
  const int spawn_error =
      cancellation && cancellation->cancelled_
          ? ECANCELED
          : posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  if (cancellation && spawn_error == 0) cancellation->children_.insert(pid);
  if (registration) registration.unlock();
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (spawn_error != 0) {
    close(fds[0]);
    return result;
  }

  char buffer[4096];
  for (;;) {
    const ssize_t n = read(fds[0], buffer, sizeof buffer);
    if (n > 0) {
      result.output.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  close(fds[0]);

  int status = 0;
  int waited = 0;
  while ((waited = waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
  }
  if (cancellation) {
    std::lock_guard lock(cancellation->mutex_);
    cancellation->children_.erase(pid);  // before its pid can be reused
  }
  if (waited < 0) return result;
  result.started = true;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

std::optional<std::string> find_program(const std::string& program) {
  if (program.empty()) return std::nullopt;
  if (program.find('/') != std::string::npos) {
    if (access(program.c_str(), X_OK) == 0) return program;
    return std::nullopt;
  }
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/local/bin:/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    // (A path, not string concatenation: GCC 12 warns falsely on `dir + "/" + program`.)
    const std::string candidate =
        (std::filesystem::path(dir.empty() ? "." : dir) / program).string();
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

std::vector<std::string> split_command(const std::string& command) {
  std::vector<std::string> words;
  std::stringstream stream(command);
  std::string word;
  while (stream >> word) words.push_back(word);
  return words;
}

}  // namespace hdk_host::aot
