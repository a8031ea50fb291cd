// Runs the ONNX backend node tests shipped by Debian's libonnx-testdata against the reference
// executor. A test whose model uses anything QuantLens does not support is skipped with the
// reason; a supported test must pass unless known_failures.txt lists it with a reason.
//
// With --cli QUANTLENS_CLI each test runs as a user runs it instead: `quantlens-cli run
// model.onnx --input NAME=input_i.pb ... --save-outputs DIR` in a child process, its .npy
// outputs compared the same way (input values then reach shape inference through the CLI).
//
// usage: onnx_node_tests [DATA_DIR] [--known FILE] [--filter SUBSTRING] [--cli QUANTLENS_CLI] [--verbose]
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "core/data/npy.h"
#include "core/passes/infer_shapes.h"
#include "core/runtime/reference_executor.h"
#include "core/util/strings.h"
#include "importers/onnx/onnx_importer.h"
#include "importers/onnx/tensor_proto.h"

namespace fs = std::filesystem;
using namespace ql;

namespace {

bool isUnsupported(const std::string& msg) {
    return msg.find("unsupported") != std::string::npos || msg.find("not supported") != std::string::npos ||
           msg.find("reference kernel supports") != std::string::npos || msg.find("supports f32 only") != std::string::npos;
}

// ONNX backend defaults: rtol 1e-3, atol 1e-7; we allow atol 1e-5 for float sums.
Status compare(const std::string& name, const ir::Tensor& got, const ir::Tensor& want) {
    if (got.dtype() != want.dtype())
        return Status::error(name + ": dtype " + std::string(dtypeName(got.dtype())) + " vs expected " + std::string(dtypeName(want.dtype())));
    if (got.dims() != want.dims()) return Status::error(name + ": shape " + shapeToString(got.dims()) + " vs expected " + shapeToString(want.dims()));
    const bool isFloat = got.dtype() == ir::DType::F32 || got.dtype() == ir::DType::F16;
    for (int64_t i = 0; i < got.numel(); ++i) {
        double a = got.getAsDouble(i), b = want.getAsDouble(i);
        bool ok = isFloat ? ((std::isnan(a) && std::isnan(b)) || a == b || std::fabs(a - b) <= 1e-5 + 1e-3 * std::fabs(b)) : a == b;
        if (!ok) {
            std::ostringstream os;
            os << name << "[" << i << "]: got " << a << ", expected " << b;
            return Status::error(os.str());
        }
    }
    return Status::ok();
}

// Result of one test directory: "" = passed, else the reason; skipped tells which kind.
struct Outcome {
    bool skipped = false;
    std::string reason;
};

// A test's test_data_set_* folders, in order.
std::vector<fs::path> dataSets(const fs::path& dir) {
    std::vector<fs::path> sets;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_directory() && e.path().filename().string().rfind("test_data_set_", 0) == 0) sets.push_back(e.path());
    std::sort(sets.begin(), sets.end());
    return sets;
}

// The same test through the command line: exit code 2 with an "unsupported" message is a skip.
Outcome runTestThroughCli(const fs::path& dir, const std::string& cli) {
    auto g = onnx_io::importOnnxFile(dir / "model.onnx");
    if (!g) return {true, g.message().substr(g.message().find(": ") + 2)};
    const std::vector<fs::path> sets = dataSets(dir);
    if (sets.empty()) return {true, "no test data sets"};
    const fs::path work = fs::temp_directory_path() / ("ql_cli_node_" + std::to_string(::getpid()));
    for (const fs::path& set : sets) {
        fs::remove_all(work);
        fs::create_directories(work);
        std::string command = "'" + cli + "' run '" + (dir / "model.onnx").string() + "'";
        for (size_t i = 0; i < g->inputs.size(); ++i) {
            // inputs QuantLens cannot read are out of scope, as in the in-process runner
            auto t = onnx_io::readTensorProtoFile(set / ("input_" + std::to_string(i) + ".pb"));
            if (!t) return {isUnsupported(t.message()), t.message()};
            command += " --input '" + g->value(g->inputs[i]).name + "=" + (set / ("input_" + std::to_string(i) + ".pb")).string() + "'";
        }
        command += " --save-outputs '" + (work / "out").string() + "' > '" + (work / "log").string() + "' 2>&1";
        const int rc = std::system(command.c_str());
        std::ifstream log(work / "log");
        std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>()), last;
        std::istringstream lines(text);
        for (std::string line; std::getline(lines, line);)
            if (!line.empty()) last = line;
        if (rc != 0) {
            fs::remove_all(work);
            return {isUnsupported(last), "quantlens-cli run: " + last};
        }
        for (size_t i = 0; i < g->outputs.size(); ++i) {
            auto want = onnx_io::readTensorProtoFile(set / ("output_" + std::to_string(i) + ".pb"));
            if (!want) return {isUnsupported(want.message()), want.message()};
            std::string name = g->value(g->outputs[i]).name, file = name;
            std::replace_if(file.begin(), file.end(), [](char c) { return c == '/' || c == '\\' || c == ':'; }, '_');
            auto got = data::readNpy(work / "out" / (file + ".npy"));
            if (!got) return {false, set.filename().string() + ": " + got.status().message()};
            Status c = compare(name, *got, *want);
            if (!c) {
                fs::remove_all(work);
                return {false, set.filename().string() + ": " + c.message()};
            }
        }
    }
    fs::remove_all(work);
    return {};
}

Outcome runTest(const fs::path& dir) {
    auto g = onnx_io::importOnnxFile(dir / "model.onnx");
    if (!g) return {true, g.message().substr(g.message().find(": ") + 2)};
    const std::vector<fs::path> sets = dataSets(dir);
    if (sets.empty()) return {true, "no test data sets"};
    for (const fs::path& set : sets) {
        runtime::TensorMap inputs;
        for (size_t i = 0; i < g->inputs.size(); ++i) {
            auto t = onnx_io::readTensorProtoFile(set / ("input_" + std::to_string(i) + ".pb"));
            if (!t) return {isUnsupported(t.message()), t.message()};
            inputs[g->value(g->inputs[i]).name] = std::move(t).value();
        }
        auto graph = std::make_shared<ir::Graph>(*g);
        int64_t batch = 1;
        if (!graph->inputs.empty()) {
            const auto& in0 = inputs.begin()->second;
            batch = in0.rank() > 0 && in0.dims()[0] > 0 ? in0.dims()[0] : 1;
        }
        // Inputs carry their own shapes: trust them over symbolic declarations.
        for (ir::ValueId id : graph->inputs) {
            ir::Value& v = graph->value(id);
            const ir::Tensor& t = inputs[v.name];
            v.dims = t.dims();
            v.dimParams.assign(t.dims().size(), "");
        }
        passes::InferShapesOptions options;
        options.batch = batch;
        options.inputValues = inputs;  // shape tensors fed as inputs (Reshape's shape, Slice's starts)
        Status st = passes::inferShapes(*graph, options);
        if (!st) return {isUnsupported(st.message()), "shape inference: " + st.message()};
        auto ex = runtime::ReferenceExecutor::create(graph);
        if (!ex) return {false, ex.message()};
        auto out = (*ex)->run(inputs);
        if (!out) return {isUnsupported(out.message()), out.message()};
        for (size_t i = 0; i < graph->outputs.size(); ++i) {
            auto want = onnx_io::readTensorProtoFile(set / ("output_" + std::to_string(i) + ".pb"));
            if (!want) return {isUnsupported(want.message()), want.message()};
            const std::string& name = graph->value(graph->outputs[i]).name;
            Status c = compare(name, out->at(name), *want);
            if (!c) return {false, set.filename().string() + ": " + c.message()};
        }
    }
    return {};
}

std::map<std::string, std::string> readKnownFailures(const fs::path& file) {
    std::map<std::string, std::string> known;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto sp = line.find_first_of(" \t");
        known[line.substr(0, sp)] = sp == std::string::npos ? "" : line.substr(line.find_first_not_of(" \t", sp));
    }
    return known;
}

}  // namespace

int main(int argc, char** argv) {
    fs::path dataDir = "/usr/share/libonnx-testdata/data/node";
    fs::path knownFile;
    std::string filter, cli;
    bool verbose = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--known" && i + 1 < argc) knownFile = argv[++i];
        else if (a == "--filter" && i + 1 < argc) filter = argv[++i];
        else if (a == "--verbose") verbose = true;
        else if (a == "--cli" && i + 1 < argc) cli = argv[++i];
        else dataDir = a;
    }
    if (!fs::is_directory(dataDir)) {
        std::cerr << dataDir.string() << ": no such folder (install libonnx-testdata)\n";
        return 2;
    }
    auto known = readKnownFailures(knownFile);
    std::vector<fs::path> tests;
    for (const auto& e : fs::directory_iterator(dataDir))
        if (fs::exists(e.path() / "model.onnx") && e.path().filename().string().find(filter) != std::string::npos) tests.push_back(e.path());
    std::sort(tests.begin(), tests.end());
    int passed = 0, failed = 0, knownFailed = 0, skipped = 0;
    std::vector<std::string> failures, knownList, unexpectedPasses;
    std::map<std::string, int> skipReasons;
    for (const fs::path& t : tests) {
        const std::string name = t.filename().string();
        Outcome o = cli.empty() ? runTest(t) : runTestThroughCli(t, cli);
        if (o.skipped) {
            ++skipped;
            std::string reason = o.reason.substr(0, 120);
            if (verbose) std::cout << "SKIP " << name << ": " << reason << "\n";
            ++skipReasons[reason.substr(0, reason.find(" x"))];
        } else if (o.reason.empty()) {
            ++passed;
            if (verbose) std::cout << "PASS " << name << "\n";
            if (known.count(name)) unexpectedPasses.push_back(name);
        } else if (known.count(name)) {
            ++knownFailed;
            knownList.push_back(name + ": " + known[name] + "  [" + o.reason + "]");
        } else {
            ++failed;
            failures.push_back(name + ": " + o.reason);
        }
    }
    for (const auto& f : knownList) std::cout << "KNOWN-FAIL " << f << "\n";
    for (const auto& f : failures) std::cout << "FAIL " << f << "\n";
    for (const auto& p : unexpectedPasses) std::cout << "NOTE " << p << " passes now: remove it from the known failures\n";
    std::cout << "\nONNX node tests in " << dataDir.string() << ": " << tests.size() << " total, " << passed << " passed, " << failed
              << " failed, " << knownFailed << " known failures (listed with reasons), " << skipped << " skipped (outside QuantLens' op/type scope)\n";
    return failed == 0 && unexpectedPasses.empty() ? 0 : 1;
}
