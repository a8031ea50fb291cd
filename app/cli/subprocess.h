#pragma once
// Runs a child process and waits for it: how `bench` gives every trial a fresh process.
#include <filesystem>
#include <string>
#include <vector>

#include "core/util/status.h"

namespace ql::cli {

// This executable (/proc/self/exe), to re-invoke it for a trial.
std::filesystem::path selfExecutable();

// Runs argv[0] with argv, stdout and stderr appended to `log`; returns its exit code (128 + the
// signal number when a signal ended it). An error only when it could not be started.
Expected<int> runProcess(const std::vector<std::string>& argv, const std::filesystem::path& log);

// The last non-empty line of a text file (a failed trial's reason), or "".
std::string lastLine(const std::filesystem::path& file);

}  // namespace ql::cli
