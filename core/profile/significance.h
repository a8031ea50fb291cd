#pragma once
// Significance tests for comparing two sets of timings (FP32 vs INT8 trials) and the
// correction for testing a whole grid of such pairs. Plain maths, no dependencies.
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

// Holm's step-down adjustment of p-values (same order as given); controls the family-wise
// error rate across the grid without assuming independence.
std::vector<double> holmAdjust(const std::vector<double>& p);

// Two-sided p of Student's t with df degrees of freedom.
double studentTwoSidedP(double t, double df);
// Regularized incomplete beta I_x(a, b).
double incompleteBeta(double a, double b, double x);

}  // namespace ql::profile
