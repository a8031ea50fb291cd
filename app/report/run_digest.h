#pragma once
// What a run says in a few numbers and one plain sentence: whole-model FP32 vs INT8 medians,
// where the INT8 time goes (int8 kernels, inserted reorders/quantize steps, reference
// fallbacks, layers left in f32), VNNI and 7-bit, and the answer to "is INT8 faster here, and
// why (not)?". Derived from the RunResult only, so the sentence is as true as the data. Shared by
// the app's results header and the report (HTML/PDF).
#include <QString>
#include <QStringList>

#include "core/session/run_result.h"

namespace ql::report {

struct RunDigest {
    double fp32Ms = 0, int8Ms = 0, speedUp = 0;   // whole-model medians; 0 when missing
    double int8StepsMs = 0;                       // sum of INT8 step medians
    double int8KernelMs = 0;  int int8KernelSteps = 0;   // steps producing s8/u8 (not inserted)
    double insertedMs = 0;    int insertedSteps = 0;     // reorders, quantize, dequantize
    double referenceMs = 0;   int referenceSteps = 0;    // reference-kernel fallbacks
    double f32Ms = 0;         int f32Steps = 0;          // graph nodes the INT8 plan runs in f32
    bool vnni = false, sevenBit = false;
    QString isa;
    QString verdict;                               // one sentence
};

RunDigest digestRun(const session::RunResult& result);

bool isReferenceStep(const runtime::StepInfo& step);

}  // namespace ql::report
