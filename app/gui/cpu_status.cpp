#include "app/gui/cpu_status.h"

#include <QCoreApplication>

#include <QObject>

#include "kernels/onednn/onednn_context.h"

namespace ql::gui {

CpuStatus probeCpuStatus() {
    namespace dnn = ql::kernels::onednn;
    CpuStatus s;
    auto ctx = dnn::Context::create({});
    if (!ctx) {
        s.text = QCoreApplication::translate("CpuStatus", "oneDNN unavailable");
        s.details = QString::fromStdString(ctx.message());
        return s;
    }
    return describeCpu((*ctx)->facts());
}

CpuStatus describeCpu(const kernels::onednn::CpuFacts& f) {
    CpuStatus s;
    s.ok = true;
    s.text = QCoreApplication::translate("CpuStatus", "%1 · %2 · %3 · %n thread(s) · oneDNN %4", nullptr, f.threads)
                 .arg(QString::fromStdString(f.cpuModel), QString::fromStdString(f.isa),
                      f.int8Vnni ? QStringLiteral("VNNI") : QCoreApplication::translate("CpuStatus", "no VNNI (7-bit int8)"))
                 .arg(QString::fromStdString(f.onednnVersion));
    s.details = QCoreApplication::translate("CpuStatus", "CPU: %1\nISA oneDNN dispatches to: %2\nint8 VNNI: %3\nthreads: %4\noneDNN: %5 on %6")
                    .arg(QString::fromStdString(f.cpuModel), QString::fromStdString(f.isa), f.int8Vnni ? QCoreApplication::translate("CpuStatus", "yes") : QCoreApplication::translate("CpuStatus", "no"))
                    .arg(f.threads)
                    .arg(QString::fromStdString(f.onednnVersion), QString::fromStdString(f.openmp));
    return s;
}

}  // namespace ql::gui
