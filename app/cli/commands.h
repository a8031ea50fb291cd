#pragma once
#include <string>
#include <vector>

namespace ql::cli {

int inspectCommand(const std::vector<std::string>& args);
int runCommand(const std::vector<std::string>& args);
int evalCommand(const std::vector<std::string>& args);
int profileCommand(const std::vector<std::string>& args);

}  // namespace ql::cli
