#pragma once
// The commands of quantlens-cli, each a thin shell over core/session: main.cpp parses the
// command line (CLI11) into these plain option structs, a command calls the session workflows
// and prints. Options left unset keep the run config's (or the command's) default.
#include <optional>
#include <string>
#include <vector>

#include "core/session/run_config.h"
#include "core/data/dataset.h"
#include "core/session/session.h"
#include "core/session/workflows.h"
#include "core/util/status.h"

namespace CLI {
class App;
}

namespace ql::cli {

// Exit codes: 0 success, 2 bad input or unsupported (one line on stderr), 130 cancelled
// (Ctrl-C), 1 internal error.
inline constexpr int kExitOk = 0, kExitInternal = 1, kExitBadInput = 2, kExitCancelled = 130;
int fail(const Status& s);        // prints "quantlens-cli: <message>" and returns the code's exit code
const CancelToken& interrupt();   // cancelled by SIGINT

// --config FILE plus the options that override it; shared by run, eval and profile.
struct ExecutionOptions {
    std::string configFile;
    std::optional<std::string> executor, precision, layout, maxIsa, activations, sevenBit, rowBands;
    std::optional<int> threads;
    std::vector<std::string> fp32Fallback;
    // calibration: a table file, or the method and its options
    std::optional<std::string> calibTable, method;
    std::optional<double> percentile;
    std::optional<int64_t> samples;
    bool perTensor = false;
    bool tune = false;
    // The run config: the command's defaults, then the file, then the options given.
    Expected<session::RunConfig> resolve(const session::RunConfig& defaults) const;
    // Whether the user chose the batch: --batch, or a "batch" in the --config file. A model that
    // fixes its batch follows it otherwise, and refuses another batch that was chosen.
    bool batchChosen(const std::optional<int64_t>& batchOption) const;
};

// Where samples come from: --dataset SPEC (docs/datasets.md), or the older --data DIR --split
// (an IDX folder), and how images are preprocessed.
struct DataOptions {
    // {} everywhere: the commands set their defaults with designated initialisers.
    std::string dataset{}, calibDataset{};
    std::string data{}, split{};          // --data / --split; the command's defaults
    std::string resize{}, crop{}, channels = "rgb", dataLayout = "nchw";
    std::optional<std::string> mean{}, std{};
    std::vector<std::string> shapes{};    // --shape NAME=D0,D1,...

    // The data set part of a request, and the options to open the model with (its symbolic
    // dimensions fixed by --shape, else by the data set's sample shape).
    struct Resolved {
        std::string dataset, calibDataset, split;  // dataset "" = none (compare: random inputs)
        data::Preprocess preprocess;
        std::optional<float> mean, std;            // one value each: IDX-style, the model card's otherwise
        session::OpenOptions open;
        template <typename Request> void fill(Request& r) const {
            r.dataset = dataset, r.split = split, r.preprocess = preprocess, r.mean = mean, r.std = std;
        }
    };
    Expected<Resolved> resolve(int64_t batch) const;
    bool randomInputs() const { return dataset.empty() && data == "random"; }  // --data random
};

// --data random (a model with no data set, e.g. a benchmark): seeded N(0,1) inputs to calibrate
// on, one per sample, at most 64. (execution_options.cpp)
Status addRandomCalibrationInputs(const session::Session& s, int64_t samples, session::CalibrationRequest& request);

// --dataset SPEC with the image preprocessing and --shape, plus the older --data DIR --split (an
// IDX folder); `calibrationSet` adds --calib-dataset. (main.cpp)
void addDataOptions(CLI::App* c, DataOptions& d, const std::string& dataHelp, const std::string& splitHelp, bool calibrationSet);
void addShapeOption(CLI::App* c, std::vector<std::string>& shapes);  // --shape NAME=D0,D1,...

struct InspectOptions {
    std::string model;
    bool json = false;
    int64_t batch = 1;
    bool batchGiven = false;          // --batch on the command line (a fixed-batch model refuses another)
    std::vector<std::string> shapes;  // --shape NAME=D0,D1,...
};

struct RunOptions {
    std::string model;
    std::vector<std::string> shapes;  // --shape NAME=D0,D1,...
    std::vector<std::string> inputs;  // NAME=FILE
    std::optional<int64_t> batch;
    std::optional<uint64_t> seed;
    std::string saveOutputs;
    ExecutionOptions exec;
};

struct EvalOptions {
    std::string model, json;
    bool force = false;               // replace an existing --json file
    DataOptions data{.data = "/usr/share/datasets/fashion-mnist", .split = "t10k"};
    int64_t limit = 0;
    std::optional<int64_t> batch;
    ExecutionOptions exec;
};

struct ProfileOptions {
    std::string model, json, csv, saveConfig;
    std::string report;              // FILE.html | FILE.pdf (needs the Qt report library)
    bool force = false;              // replace an existing --report file
    std::vector<std::string> inputs;
    std::vector<std::string> shapes;  // --shape NAME=D0,D1,...
    std::optional<int64_t> batch, warmup, repeat;
    std::optional<uint64_t> seed;
    bool verbose = false;
    bool peak = false;               // measure the MAC peaks and print each layer's share
    ExecutionOptions exec;
};

struct CalibrateOptions {
    std::string model, output;
    DataOptions data{.data = "/usr/share/datasets/fashion-mnist", .split = "train"};
    std::optional<std::string> method, activations;
    std::optional<double> percentile;
    std::optional<int64_t> samples;
    bool perTensor = false, force = false;
};

struct CompareOptions {
    std::string model, mode = "propagated", json;
    bool force = false;  // replace an existing --json file
    std::string referenceModel;       // the float model the compared (pre-quantized) one came from
    DataOptions data{.data = "random", .split = "t10k"};  // --data random: seeded N(0,1) inputs
    int64_t samples = 32, maxLayers = 0, top = 5;
    std::optional<int64_t> batch;
    std::optional<uint64_t> seed;
    bool all = false;
    std::string fallbackUntil;        // sqnr=DB | drop=POINTS: revert sensitive layers until it holds
    int64_t maxFallback = 10, fallbackImages = 2000;
    ExecutionOptions exec;
};

int compareCommand(const CompareOptions& o);
int calibrateCommand(const CalibrateOptions& o);
int inspectCommand(const InspectOptions& o);
int runCommand(const RunOptions& o);
int evalCommand(const EvalOptions& o);
int profileCommand(const ProfileOptions& o);

}  // namespace ql::cli
