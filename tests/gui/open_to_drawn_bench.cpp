// Benchmark (not a test): open-to-drawn time per model in the real window (offscreen or xvfb).
// usage: ql_gui_bench [MODEL.onnx...]   (default: the bundled model, then ResNet-50, ResNet-152,
// Inception V3 and DenseNet-201 from $QL_MODELS_DIR, default /work/models; missing ones are skipped)
// Prints per model: import+passes, both views drawn (layout engine and time per view), the
// first full window paint, and the same again warm (layout cache hit).
#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <cstdio>

#include "app/gui/graph_drawing.h"
#include "app/gui/graph_panel.h"
#include "app/gui/main_window.h"

using namespace ql::gui;

namespace {

struct Timing {
    double loaded = -1, drawn = -1, painted = -1;
};

Timing openOnce(MainWindow& w, const QString& path) {
    Timing t;
    QSignalSpy changed(&w, &MainWindow::documentChanged), drawn(&w, &MainWindow::modelDrawn), failed(&w, &MainWindow::loadFailed);
    QElapsedTimer clock;
    clock.start();
    w.openModel(path);
    while (changed.isEmpty() && failed.isEmpty() && clock.elapsed() < 300000) changed.wait(50);
    if (!failed.isEmpty()) {
        std::printf("  failed: %s\n", qPrintable(w.lastError()));
        return t;
    }
    t.loaded = clock.nsecsElapsed() / 1e6;
    while (drawn.isEmpty() && clock.elapsed() < 300000) drawn.wait(20);
    t.drawn = clock.nsecsElapsed() / 1e6;
    (void)w.grab();  // one full paint of the window, as a user would see it
    t.painted = clock.nsecsElapsed() / 1e6;
    return t;
}

QString viewSummary(GraphPanel* p) {
    auto d = p->drawing();
    if (!d || !d->layout) return QStringLiteral("-");
    return QStringLiteral("%1 nodes/%2 edges %3 %4 ms")
        .arg(d->nodes.size())
        .arg(d->edges.size())
        .arg(QString::fromStdString(d->layout->engine))
        .arg(d->layout->ms, 0, 'f', 0);
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QStringList models = app.arguments().mid(1);
    if (models.isEmpty()) {
        const QString dir = qEnvironmentVariableIsSet("QL_MODELS_DIR") ? qEnvironmentVariable("QL_MODELS_DIR") : QStringLiteral("/work/models");
        models << QStringLiteral(QL_RESOURCE_DIR "/models/fashion_resnet.onnx");
        for (const char* m : {"resnet50", "resnet152", "inception_v3", "densenet201"}) models << dir + "/" + m + ".onnx";
    }
    std::printf("%-20s %10s %10s %10s   %-36s %-36s\n", "model", "loaded ms", "drawn ms", "painted ms", "original view", "fused view");
    for (const QString& path : models) {
        if (!QFileInfo::exists(path)) {
            std::printf("%-20s skipped: %s not found\n", qPrintable(QFileInfo(path).completeBaseName()), qPrintable(path));
            continue;
        }
        MainWindow w;  // a fresh window: cold layout cache
        w.resize(1440, 900);
        w.show();
        for (const char* pass : {"cold", "warm"}) {
            const Timing t = openOnce(w, path);
            if (t.loaded < 0) break;
            std::printf("%-20s %10.0f %10.0f %10.0f   %-36s %-36s\n",
                        qPrintable(QFileInfo(path).completeBaseName() + " (" + pass + ")"), t.loaded, t.drawn, t.painted,
                        qPrintable(viewSummary(w.originalPanel())), qPrintable(viewSummary(w.stagePanel())));
            std::fflush(stdout);
        }
    }
    return 0;
}
