#pragma once
// Session: one opened model as immutable values the app, the CLI and the benchmark can hold,
// share across threads and drop. It keeps the graph as imported (shapes inferred for the
// session's batch) and the graph after every fusion pass, each with the pass's structured record.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "core/ir/graph.h"
#include "core/passes/pass_manager.h"
#include "core/session/inputs.h"
#include "core/util/cancel.h"
#include "core/util/status.h"

namespace ql::session {

struct PassSnapshot {
    passes::PassRecord record;
    std::shared_ptr<const ir::Graph> graph;  // the graph right after this pass
};

struct OpenOptions {
    // A model with a symbolic batch dimension opens at `batch`. One that fixes its batch
    // (fixedBatchOf) opens at that batch when `batch` equals it or batchFollowsModel is set; any
    // other batch is an error saying which batch the model takes.
    int64_t batch = 1;
    CancelToken cancel;
    ProgressFn progress;  // stages "import", "shape inference", "pass ..."
    // Symbolic input dimensions other than the batch (height, width, length): fixed from these
    // shapes by input name, else (one-input models) from a data set's sample shape; see
    // applyInputShapes. A model that needs them and gets none fails to open, saying so.
    InputShapes shapes{};
    std::optional<ir::Dims> sampleShape{};  // {} initialisers: callers that list the first fields stay warning-free
    // Values of graph inputs known before the run (`run --input`): the shape operands among
    // them (integer tensors; Resize scales) take part in shape inference, so a model whose
    // Reshape shape or Slice starts arrive as inputs opens. Other inputs are left alone.
    std::map<std::string, ir::Tensor> inputValues{};
    bool batchFollowsModel{};  // see `batch`
};

class Session {
public:
    // Import, shape inference at options.batch, the fusion pipeline. Errors name the file.
    static Expected<std::shared_ptr<const Session>> open(const std::filesystem::path& model, const OpenOptions& options = {});
    // The same model at another batch size (no file I/O: starts from the imported graph); an
    // error for a model that fixes its batch at another.
    Expected<std::shared_ptr<const Session>> withBatch(int64_t batch, const CancelToken& cancel = {}, const ProgressFn& progress = {}) const;

    const std::filesystem::path& modelPath() const { return path_; }
    int64_t batch() const { return batch_; }
    // The batch the model's inputs fix (then batch() is always it), or nothing when it is symbolic.
    std::optional<int64_t> fixedBatch() const;
    std::shared_ptr<const ir::Graph> original() const { return original_; }  // as imported, shapes inferred
    std::shared_ptr<const ir::Graph> fused() const { return passes_.empty() ? original_ : passes_.back().graph; }
    const std::vector<PassSnapshot>& passes() const { return passes_; }
    std::vector<passes::PassRecord> passRecords() const;

private:
    static Expected<std::shared_ptr<const Session>> derive(std::filesystem::path path, std::shared_ptr<const ir::Graph> raw, int64_t batch,
                                                           bool batchFollowsModel, std::map<std::string, ir::Tensor> shapeOperands,
                                                           const CancelToken& cancel, const ProgressSpan& progress);
    std::filesystem::path path_;
    // raw_ below already has its symbolic dimensions fixed (dimParams kept for display).
    int64_t batch_ = 1;
    std::shared_ptr<const ir::Graph> raw_;       // as read from the file, before shape inference
    std::map<std::string, ir::Tensor> shapeOperands_;  // input values shape inference used
    std::shared_ptr<const ir::Graph> original_;
    std::vector<PassSnapshot> passes_;
};

struct LoadOptions {
    int64_t batch = 1;
    CancelToken cancel;
    ProgressFn progress;
    InputShapes shapes{};                 // as in OpenOptions
    std::optional<ir::Dims> sampleShape{};  // {} initialisers: callers that list the first fields stay warning-free
};

// Import + shape inference, without the passes: what `inspect` and tests need.
Expected<std::shared_ptr<ir::Graph>> loadModel(const std::filesystem::path& file, const LoadOptions& options = {});
// Import only (no shapes inferred): the inputs as declared, symbolic dimensions included ...
Expected<std::shared_ptr<ir::Graph>> importModel(const std::filesystem::path& file, const CancelToken& cancel = {}, const ProgressFn& progress = {});
// ... and then what loadModel does after importing: fix the symbolic dimensions, infer shapes.
Expected<std::shared_ptr<ir::Graph>> inferImported(const ir::Graph& imported, const std::filesystem::path& file, const LoadOptions& options = {});

}  // namespace ql::session
