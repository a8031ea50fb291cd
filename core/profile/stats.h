#pragma once
// Summary statistics of repeated timings.
#include <vector>

namespace ql::profile {

struct Stats {
    int n = 0;
    double median = 0, mean = 0, stddev = 0, p10 = 0, p90 = 0, min = 0, max = 0;
    double ci95Low = 0, ci95High = 0;  // 95% confidence interval of the mean (Student t)
};

Stats summarize(std::vector<double> samples);

}  // namespace ql::profile
