#pragma once
// Significance tests for comparing two sets of timings (FP32 vs INT8 trials) and the
// correction for testing a whole grid of such pairs. Plain maths, no dependencies.
#include <cstdint>
#include <string>
#include <vector>

namespace ql::profile {

struct TestResult {
    bool valid = false;   // false when a side has too few values (then p stays 1)
    double statistic = 0; // t or U
    double df = 0;        // Welch-Satterthwaite degrees of freedom (t test only)
    double p = 1;         // two-sided
    std::string why;      // when not valid
};

// Welch's unequal-variance t test on log(values): latencies are positive and their noise is
// multiplicative, so the test on logs compares ratios (a speed-up), not differences.
TestResult welchOnLogs(const std::vector<double>& a, const std::vector<double>& b);

// Mann-Whitney U (two-sided): exact distribution for small samples without ties, else the
// normal approximation with tie and continuity corrections.
TestResult mannWhitneyU(const std::vector<double>& a, const std::vector<double>& b);

// McNemar's test on paired predictions: b = right in the first only, c = right in the second
// only. Exact two-sided binomial when b + c < 25, else chi-square (1 df) with continuity
// correction. p = 1 when b + c = 0.
struct McNemar {
    int64_t onlyFirst = 0, onlySecond = 0;   // b, c
    double statistic = 0, p = 1;             // chi-square statistic (0 for the exact test)
    bool exact = true;
};
McNemar mcnemarTest(int64_t onlyFirst, int64_t onlySecond);

// Holm's step-down adjustment of p-values (same order as given); controls the family-wise
// error rate across the grid without assuming independence.
std::vector<double> holmAdjust(const std::vector<double>& p);

// Two-sided p of Student's t with df degrees of freedom.
double studentTwoSidedP(double t, double df);
// Regularized incomplete beta I_x(a, b).
double incompleteBeta(double a, double b, double x);

}  // namespace ql::profile
