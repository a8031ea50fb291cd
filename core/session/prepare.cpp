#include "core/session/prepare.h"

#include <algorithm>

#include "core/data/model_card.h"
#include "core/runtime/calibration_run.h"
#include "core/session/workflows.h"

namespace ql::session::detail {

Expected<AtBatch> atBatch(const Session& session, int64_t batch, const CancelToken& cancel, const ProgressFn& progress) {
    AtBatch a;
    if (session.batch() == batch) {
        a.session = &session;
        return a;
    }
    QL_ASSIGN(a.holder, session.withBatch(batch, cancel, progress));
    a.session = a.holder.get();
    return a;
}

namespace {
// The ranges a QDQ model's QuantizeLinear nodes implied, kept on the values by the fold-qdq
// pass: the real interval the u8/s8 code range covers (s8 symmetric: +-127 steps).
quant::RangeTable modelRanges(const ir::Graph& g) {
    quant::RangeTable t;
    for (size_t i = 0; i < g.valueCount(); ++i) {
        const ir::Value& val = g.value(ir::ValueId{int32_t(i)});
        if (!val.quant) continue;
        if (auto r = quant::rangeOfModelParams(*val.quant)) t[val.name] = *r;
    }
    return t;
}
}  // namespace

Expected<runtime::PreparedExecutor> prepare(const Session& session, const RunConfig& config, runtime::Precision precision,
                                            std::vector<runtime::TensorMap> calibration, const CancelToken& cancel, const ProgressFn& progress,
                                            const CalibrationTable* table) {
    runtime::ExecutorOptions o = config.executorOptions(precision);
    o.fused = session.fused();
    o.fusedPasses = session.passRecords();
    if (precision == runtime::Precision::Int8) {
        if (!config.calibration.table.empty()) {
            QL_ASSIGN(auto t, readCalibrationTable(config.calibration.table));
            QL_TRY(checkTableAgainst(t, *session.fused(), config.calibration.table));
            const auto missing = valuesMissingFrom(t, *session.fused());
            o.rangesNote = t.describe() + " (calibration table " + config.calibration.table + ")";
            o.ranges = std::make_shared<const quant::RangeTable>(std::move(t.ranges));
            // a partial table is legal but must not change the plan without a word
            if (!missing.empty()) {
                o.rangesNote += "; no range in the table for " + std::to_string(missing.size()) + " value(s) ('" + missing.front() + "'" +
                                (missing.size() > 1 ? " and " + std::to_string(missing.size() - 1) + " more" : std::string()) + "): the layers around them run in f32";
            }
        } else if (table) {
            // a QDQ model's own scales win over the workflow's calibration of the same values
            quant::RangeTable merged = table->ranges;
            const quant::RangeTable model = modelRanges(*session.fused());
            for (const auto& [name, range] : model) merged[name] = range;
            o.ranges = std::make_shared<const quant::RangeTable>(std::move(merged));
            o.rangesNote = model.empty() ? table->describe()
                                         : "the model's own QuantizeLinear scales for " + std::to_string(model.size()) + " value(s), " + table->describe() +
                                               " for the rest";
        } else if (quant::RangeTable model = modelRanges(*session.fused()); !model.empty()) {
            // A QDQ model says how to quantize the tensors it marked; calibration on the
            // inputs only fills in the values it left out (graph outputs, the last layers).
            const auto& c = calibration;
            runtime::CalibrationBatches batches{int64_t(c.size()), [&c](int64_t i) -> Expected<runtime::TensorMap> { return c[size_t(i)]; }};
            quant::RangeTable merged;
            if (!c.empty()) {
                QL_ASSIGN(auto collected, runtime::collectRanges(session.fused(), batches, o.observer, cancel, progress));
                merged = std::move(collected.ranges);
            }
            for (const auto& [name, range] : model) merged[name] = range;
            o.ranges = std::make_shared<const quant::RangeTable>(std::move(merged));
            o.rangesNote = "the model's own QuantizeLinear scales for " + std::to_string(model.size()) + " value(s)" +
                           (c.empty() ? "" : ", " + quant::calibrationMethodName(o.observer.method) + " ranges from the run's inputs for the rest");
        } else {
            o.calibration = std::move(calibration);
        }
    }
    auto p = runtime::prepareExecutor(session.original(), o, cancel, progress);
    if (!p && !p.status().isCancelled()) return p.status().withContext(session.modelPath().string() + ": ");
    return p;
}

Expected<Normalisation> normalisationFor(const Session& session, std::optional<float> mean, std::optional<float> std) {
    Normalisation n;
    QL_ASSIGN(auto card, data::readModelCard(session.modelPath()));
    // without a card say where one would be, and the way out (a copied model lost its card
    // and silently its normalisation: 19 % top-1 instead of 94 %)
    std::filesystem::path cardPath = session.modelPath();
    cardPath.replace_extension(".json");
    n.source = card ? "model card" : "none: no model card " + cardPath.filename().string() + " beside the model; if it was trained on normalised images, give --mean/--std";
    if (card) {
        n.mean = card->mean.value_or(0.f);
        n.std = card->std.value_or(1.f);
    }
    if (mean || std) n.source = "command line";
    if (mean) n.mean = *mean;
    if (std) n.std = *std;
    if (n.std == 0.f) return Status::error("the normalisation std must not be 0");
    return n;
}

Expected<OpenedData> openData(const Session& session, const DataRequest& request) {
    OpenedData d;
    if (request.dataset.empty()) {
        QL_ASSIGN(d.spec, data::parseDatasetSpec("idx:" + request.dataDir.string(), request.split));
    } else {
        QL_ASSIGN(d.spec, data::parseDatasetSpec(request.dataset, request.split));
    }
    data::Preprocess pre = request.preprocess;
    if (d.spec.kind == data::DatasetKind::Npy) {
        if (request.mean || request.std || !pre.mean.empty() || !pre.std.empty())
            return Status::error(d.spec.text() + ": .npy samples are used as they are (already preprocessed); --mean/--std do not apply");
        d.norm.source = "none (.npy samples are preprocessed)";
    } else if (!pre.mean.empty() || !pre.std.empty()) {
        d.norm.source = "command line";
        if (pre.mean.size() > 1 || pre.std.size() > 1) {
            auto list = [](const std::vector<float>& v) {
                std::string s;
                for (float f : v) s += (s.empty() ? "" : ",") + std::to_string(f).substr(0, 6);
                return s.empty() ? std::string("default") : s;
            };
            d.norm.source += ", per channel mean " + list(pre.mean) + " std " + list(pre.std);
        }
        if (pre.mean.empty()) pre.mean = {0.f};
        if (pre.std.empty()) pre.std = {1.f};
        d.norm.mean = pre.mean[0], d.norm.std = pre.std[0];
    } else {
        QL_ASSIGN(d.norm, normalisationFor(session, request.mean, request.std));
        pre.mean = {d.norm.mean}, pre.std = {d.norm.std};
    }
    d.preprocess = pre;
    QL_ASSIGN(d.data, data::openDataset(d.spec, pre));
    if (d.data->size() == 0) return Status::error(d.spec.text() + ": holds no samples");
    d.description = d.data->description() + " (normalisation " + d.norm.source + ")";
    return d;
}

Status checkSamplesFit(const Session& session, const ir::Graph& graph, const data::Dataset& data) {
    const std::string model = session.modelPath().string();
    if (graph.inputs.size() != 1) return Status::error(model + ": a data set feeds models with one input; this one has " + std::to_string(graph.inputs.size()));
    const ir::Value& in = graph.value(graph.inputs[0]);
    const ir::Dims& sample = data.sampleShape();
    const bool fits = in.dims.size() == sample.size() + 1 && std::equal(sample.begin(), sample.end(), in.dims.begin() + 1);
    if (fits) return Status::ok();
    std::string want = "[", got = "[";
    for (size_t i = 1; i < in.dims.size(); ++i) want += (i > 1 ? "," : "") + std::to_string(in.dims[i]);
    for (size_t i = 0; i < sample.size(); ++i) got += (i ? "," : "") + std::to_string(sample[i]);
    return Status::error(model + ": input '" + in.name + "' takes samples of shape " + want + "], the data set " + data.description() + " has " + got +
                         "] (for image folders: --resize, --crop, --channels, --data-layout)");
}

Expected<CalibrationSet> calibrationSetFor(const Session& session, const OpenedData& evaluated, const std::string& calibSpec, int64_t samples) {
    CalibrationSet c;
    c.evaluated = evaluated.data;
    if (!calibSpec.empty()) {
        QL_ASSIGN(auto spec, data::parseDatasetSpec(calibSpec, evaluated.spec.kind == data::DatasetKind::Idx ? data::otherIdxSplit(evaluated.spec).split : "t10k"));
        if (spec.sameData(evaluated.spec))
            return Status::error("--calib-dataset " + calibSpec + " is the evaluated data set: calibrate on other samples (or leave it out for a disjoint slice)");
        DataRequest r;
        r.dataset = calibSpec;
        r.split = spec.split;
        // The same preprocessing as the evaluated images, so ranges match what the model sees.
        const bool samePreprocess = spec.kind != data::DatasetKind::Npy && evaluated.spec.kind != data::DatasetKind::Npy;
        if (samePreprocess) r.preprocess = evaluated.preprocess;
        QL_ASSIGN(auto opened, openData(session, r));
        c.calibration = opened.data;
        c.note = samePreprocess ? opened.data->description() + " (normalisation " + evaluated.norm.source + ", as the evaluated data)" : opened.description;
        return c;
    }
    if (evaluated.spec.kind == data::DatasetKind::Idx) {
        DataRequest r;
        r.dataset = "idx:" + evaluated.spec.dir.string();
        r.split = data::otherIdxSplit(evaluated.spec).split;
        r.mean = evaluated.norm.mean, r.std = evaluated.norm.std;
        QL_ASSIGN(auto opened, openData(session, r));
        c.calibration = opened.data;
        c.note = opened.data->description() + " (normalisation " + evaluated.norm.source + ")";
        return c;
    }
    const int64_t n = evaluated.data->size();
    const int64_t held = std::min(samples, n / 2);
    if (held < 1) return Status::error(evaluated.spec.text() + ": " + std::to_string(n) + " sample(s) are too few to hold a calibration slice out; give --calib-dataset");
    c.calibration = data::sliceDataset(evaluated.data, n - held, held);
    c.evaluated = data::sliceDataset(evaluated.data, 0, n - held);
    c.note = c.calibration->description() + ", held out of the evaluation";
    return c;
}

Expected<CalibrationStream> calibrationStream(const Session& session, const data::DatasetPtr& set, int64_t samples, const Job& job) {
    CalibrationStream s;
    s.samples = std::min(samples, set->size());
    if (s.samples < 1) return Status::error(set->description() + ": no samples to calibrate on");
    int64_t b = std::min<int64_t>(64, s.samples);
    while (s.samples % b) --b;
    // A model that fixes its batch dimension (not symbolic) takes batches of exactly that size:
    // as many whole ones as the samples fill.
    if (auto fixed = session.fixedBatch()) {
        b = *fixed;
        if (b > s.samples)
            return Status::error(session.modelPath().string() + ": the model fixes its batch at " + std::to_string(b) + ", more than the " +
                                 std::to_string(s.samples) + " calibration sample(s): calibrate on at least " + std::to_string(b) +
                                 " (--samples " + std::to_string(b) + ")");
        s.samples = s.samples / b * b;
    }
    QL_ASSIGN(s.at, atBatch(session, b, job.cancel, job.progress));
    if (s.at.session->original()->inputs.size() != 1) return Status::error(session.modelPath().string() + ": calibrating on a data set needs a model with one input");
    const ir::Graph& g = *s.at.session->original();
    QL_TRY(checkSamplesFit(session, g, *set));
    const std::string inName = g.value(g.inputs[0]).name;
    s.batches.count = s.samples / b;
    s.batches.batch = [set, inName, b](int64_t i) -> Expected<runtime::TensorMap> {
        QL_ASSIGN(auto batch, set->read(i * b, b, b));
        return runtime::TensorMap{{inName, std::move(batch.samples)}};
    };
    return s;
}

Expected<std::optional<CalibrationTable>> calibrateOn(const Session& session, const RunConfig& config, const data::DatasetPtr& set,
                                                      const std::string& source, const Job& job) {
    if (!config.calibration.table.empty()) return std::optional<CalibrationTable>();
    CalibrationRequest cr;
    cr.data = set;
    QL_ASSIGN(CalibrationTable table, calibrateModel(session, config, cr, job));
    table.source = source;
    return std::optional<CalibrationTable>(std::move(table));
}

}  // namespace ql::session::detail
