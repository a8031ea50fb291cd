#include <unistd.h>

#include "core/bench/bench_run.h"
#include "kernels/onednn/onednn_context.h"

namespace ql::bench {

Expected<Machine> describeThisMachine(const std::string& maxIsa, const std::string& version) {
    QL_ASSIGN(auto context, kernels::onednn::Context::create({0, maxIsa}));
    const auto& facts = context->facts();
    Machine m;
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) == 0) m.host = host;
    m.cpuModel = facts.cpuModel;
    m.isa = facts.isa;
    m.vnni = facts.int8Vnni;
    m.onednn = facts.onednnVersion;
    m.cores = kernels::onednn::physicalCores();
    m.quantlens = version;
    return m;
}

}  // namespace ql::bench
