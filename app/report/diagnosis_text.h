#pragma once
// The INT8 diagnosis (core/report/int8_diagnosis) in the UI's language: core gives each cause's
// kind, numbers, node and op names; these functions phrase them with tr() (context "Diagnosis"),
// so the German and Chinese app and reports read no English. The CLI keeps core's English text.
#include <QString>
#include <QStringList>

#include "core/report/int8_diagnosis.h"

namespace ql::report {

QString causeTitle(const DiagnosisCause& c);                          // short: "FP32 islands"
QString causeText(const DiagnosisCause& c, const Int8Diagnosis& d);   // what happens, with nodes and ms
QString causeFix(const DiagnosisCause& c);                            // what would remove the cost
// The share shown with a cause's ms: of the INT8 steps' time, except time outside the steps,
// which is not part of them: of the whole-model INT8 median.
double causeShare(const DiagnosisCause& c, const Int8Diagnosis& d);
QString diagnosisSummary(const Int8Diagnosis& d);                     // "INT8 1.2 ms vs FP32 3.4 ms (2.83×); ..."
QString diagnosisHeadline(const Int8Diagnosis& d);                    // "Why INT8 is (not) faster: " + the summary

}  // namespace ql::report
