#pragma once
// Runs quantlens-cli as a user would and captures exit code, stdout and stderr.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace ql::test {

struct CliResult {
    int exitCode = -1;
    std::string out, err;
};

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// shellPrefix runs before the CLI in the same shell (e.g. "ulimit -v N;").
inline CliResult runCli(const std::string& args, const std::filesystem::path& scratch, const std::string& shellPrefix = "") {
    const auto out = scratch / "stdout.txt", err = scratch / "stderr.txt";
    std::string cmd = shellPrefix + std::string(QL_CLI_PATH) + " " + args + " >" + out.string() + " 2>" + err.string();
    int status = std::system(cmd.c_str());
    CliResult r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
}

}  // namespace ql::test
