#include "app/cli/executor_args.h"

namespace ql::cli {

Expected<runtime::ExecutorOptions> executorOptions(const Args& args, const std::string& defaultExecutor, const std::string& precision) {
    runtime::ExecutorOptions o;
    o.executor = args.get("executor").value_or(defaultExecutor);
    QL_ASSIGN(o.precision, runtime::parsePrecision(precision));
    QL_ASSIGN(o.layout, runtime::parseLayout(args.get("layout").value_or("auto")));
    QL_ASSIGN(int64_t threads, args.getInt("threads", 0, 0, 1024));
    o.threads = int(threads);
    o.maxIsa = args.get("max-isa").value_or("");
    const std::string act = args.get("activations").value_or("symmetric");
    if (act != "symmetric" && act != "asymmetric") return Status::error("--activations must be symmetric or asymmetric, got '" + act + "'");
    o.asymmetricActivations = act == "asymmetric";
    return o;
}

}  // namespace ql::cli
