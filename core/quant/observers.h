#pragma once
// Calibration observers: stream a model's float values, batch by batch, into per-value statistics
// with bounded memory, and turn them into a RangeTable. Min/max keeps two floats per value; the
// histogram methods (entropy, percentile, MSE) keep one Histogram (2 x bins counters) per value,
// however many samples are streamed.
#include <map>
#include <memory>
#include <string>

#include "core/quant/histogram.h"
#include "core/quant/ranges.h"
#include "core/util/status.h"

namespace ql::quant {

enum class CalibrationMethod { MinMax, Entropy, Percentile, Mse };
Expected<CalibrationMethod> parseCalibrationMethod(const std::string& s);  // minmax | entropy | percentile | mse
std::string calibrationMethodName(CalibrationMethod m);

struct ObserverOptions {
    CalibrationMethod method = CalibrationMethod::MinMax;
    double percentile = 99.99;  // percentile: the kept share of values, in (0, 100]
    int bins = 2048;            // histogram methods
};
Status validate(const ObserverOptions& o);

// What a table can say about each value besides its range (cheap to keep).
struct ValueSummary {
    ValueRange observed;     // exact min/max of the finite values
    uint64_t count = 0;      // finite values seen
    uint64_t nonFinite = 0;  // NaN / Inf values left out
    float histogramRange = 0.f;  // histogram methods: |x| covered by the bins
    int bins = 0;
};

class Observer {
public:
    explicit Observer(ObserverOptions options);
    // f32 tensors only (others are ignored); NaN/Inf are counted and left out.
    void observe(const std::string& value, const ir::Tensor& t);
    // The ranges the method chooses; values with no finite element are absent.
    RangeTable ranges() const;
    std::map<std::string, ValueSummary> summaries() const;
    // The histogram kept for `value` (histogram methods only), or nullptr: what the ranges of
    // every method derive from, for views that draw them side by side.
    const Histogram* histogram(const std::string& value) const;
    const ObserverOptions& options() const { return options_; }

private:
    struct Stats {
        ValueRange minMax;
        uint64_t count = 0, nonFinite = 0;
        std::unique_ptr<Histogram> hist;  // null for min/max
    };
    ObserverOptions options_;
    std::map<std::string, Stats> stats_;
};

}  // namespace ql::quant
