#pragma once
// --executor --precision --layout --threads --max-isa, shared by run, eval and profile.
#include <set>
#include <string>

#include "app/cli/cli_args.h"
#include "core/runtime/executor_factory.h"

namespace ql::cli {

inline const std::set<std::string> kExecutorOptions = {"executor", "precision", "layout", "threads", "max-isa", "activations"};

// precision: a single value here ("fp32" or "int8"); profile splits its list itself.
Expected<runtime::ExecutorOptions> executorOptions(const Args& args, const std::string& defaultExecutor, const std::string& precision);

}  // namespace ql::cli
