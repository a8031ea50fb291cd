// Runs in the window (offscreen): Run FP32 vs INT8 fills the per-layer table from the RunResult
// (rows and node ids checked against it), the header and title say how it was made, colour
// modes overlay the figures, clicking a row selects the node and back, Cancel stops a long run
// with nothing swapped in, a superseded run delivers nothing, settings survive a restart, and
// QAbstractItemModelTester checks the table model and its proxy.
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QSpinBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>
#include <filesystem>
#include <set>

#include "app/gui/graph_panel.h"
#include "app/gui/layer_table_model.h"
#include "app/gui/main_window.h"
#include "app/gui/property_tree_model.h"
#include "app/gui/run_digest.h"
#include "app/gui/run_job.h"
#include "app/gui/settings_panel.h"

using namespace ql::gui;
using ql::ir::NodeId;

namespace {

const QString kModel = QStringLiteral(QL_RESOURCE_DIR "/models/fashion_resnet.onnx");

ql::profile::LayerProfile layer(int node, const char* name, double ms, const char* dtype, bool inserted = false,
                                const char* impl = "jit:avx2") {
    ql::profile::LayerProfile l;
    l.step.node = NodeId{node};
    l.step.name = name;
    l.step.opType = inserted ? "Reorder" : "Conv";
    l.step.inserted = inserted;
    l.step.impl = impl;
    l.step.dtype = dtype;
    l.ms.median = l.ms.p10 = l.ms.p90 = ms;
    return l;
}

// FP32: a(1) b(2) c(3); INT8: reorder, a, reorder, c (b folded away) — INT8 slower, mostly reorders.
ql::session::RunResult syntheticResult() {
    using ql::runtime::Precision;
    ql::session::RunResult r;
    r.cpu.isa = "avx2";
    r.cpu.int8Vnni = false;
    ql::session::PrecisionRun f, i;
    f.precision = Precision::Fp32;
    f.profile.layers = {layer(1, "a", 1.0, "f32"), layer(2, "b", 1.0, "f32"), layer(3, "c", 1.0, "f32")};
    f.profile.wholeMs.median = f.profile.wholeMs.p10 = f.profile.wholeMs.p90 = 3.0;
    i.precision = Precision::Int8;
    i.sevenBitActivations = true;
    i.profile.layers = {layer(-1, "reorder in", 2.0, "s8", true), layer(1, "a", 0.5, "s8"), layer(-1, "reorder mid", 1.5, "f32", true),
                        layer(3, "c", 0.5, "f32", false, "reference")};
    i.profile.wholeMs.median = i.profile.wholeMs.p10 = i.profile.wholeMs.p90 = 4.5;
    r.runs = {f, i};
    return r;
}

RunSettings quickSettings() {
    RunSettings s;
    s.config.warmup = 1;
    s.config.repeat = 3;
    s.config.threads = 1;
    s.evaluate = false;
    return s;
}

bool treeHas(const PropertyRow& row, const std::string& key) {
    if (row.key == key) return true;
    for (const auto& c : row.children)
        if (treeHas(c, key)) return true;
    return false;
}

}  // namespace

class RunTest : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w_;

    bool runAndWait(int timeoutMs = 60000) {
        QSignalSpy finished(w_.get(), &MainWindow::runFinished);
        QSignalSpy failed(w_.get(), &MainWindow::runFailed);
        w_->startRun();
        if (!w_->isRunning()) return false;
        const bool ok = finished.wait(timeoutMs);
        if (!failed.isEmpty()) qWarning() << "run failed:" << failed.front().front().toString();
        return ok;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("QuantLensRunTest"));
        QCoreApplication::setApplicationName(QStringLiteral("QuantLensRunTest"));
        QSettings().clear();
        w_ = std::make_unique<MainWindow>();
        w_->show();
        w_->settingsPanel()->setSettings(quickSettings(), /*persist=*/false);
        QVERIFY(!w_->runAction()->isEnabled());  // no model yet
        QSignalSpy drawn(w_.get(), &MainWindow::modelDrawn);
        w_->openModel(kModel);
        QVERIFY(drawn.wait(30000));
        QVERIFY(w_->runAction()->isEnabled());
    }

    void runFillsTableFromTheResult() {
        QVERIFY(runAndWait());
        const auto run = w_->lastRun();
        QVERIFY(run && run->result);
        const ql::session::RunResult& r = *run->result;
        const auto* fp32 = r.find(ql::runtime::Precision::Fp32);
        const auto* int8 = r.find(ql::runtime::Precision::Int8);
        QVERIFY(fp32 && int8);
        QVERIFY(!fp32->profile.layers.empty() && !int8->profile.layers.empty());

        // Every step of both plans is in exactly one row: graph steps by node id, inserted ones alone.
        const LayerTableModel* m = w_->layerModel();
        size_t inserted = 0;
        std::set<int> fp32Nodes, int8Nodes;
        for (const auto* p : {fp32, int8})
            for (const auto& l : p->profile.layers) {
                if (l.step.inserted || !l.step.node.valid()) ++inserted;
                else (p == fp32 ? fp32Nodes : int8Nodes).insert(l.step.node.v);
            }
        std::set<int> allNodes = fp32Nodes;
        allNodes.insert(int8Nodes.begin(), int8Nodes.end());
        QCOMPARE(size_t(m->rowCount()), allNodes.size() + inserted);
        const auto fused = w_->document()->fused();
        int matched = 0, withSqnr = 0;
        for (int row = 0; row < m->rowCount(); ++row) {
            const LayerRow& lr = m->rows()[size_t(row)];
            const int id = m->index(row, 0).data(LayerTableModel::NodeIdRole).toInt();
            QCOMPARE(id, lr.node.v);
            if (lr.inserted) {
                QVERIFY(!lr.node.valid());
                continue;
            }
            QCOMPARE(QString::fromStdString(fused->node(lr.node).opType), lr.op);
            QCOMPARE(lr.fp32 != nullptr, fp32Nodes.count(id) == 1);
            QCOMPARE(lr.int8 != nullptr, int8Nodes.count(id) == 1);
            if (lr.fp32) QCOMPARE(lr.fp32->step.node.v, id);
            if (lr.int8) QCOMPARE(lr.int8->step.node.v, id);
            QCOMPARE(QString::fromStdString(fused->node(lr.node).name), lr.name);
            // every compared layer shows its FP32-vs-INT8 SQNR in the table (the app compares layers on each run)
            if (lr.error) {
                QVERIFY(m->index(row, LayerTableModel::Sqnr).data().toString().toDouble() > 10.0);
                ++withSqnr;
            }
            if (lr.fp32 && lr.int8) {
                ++matched;
                QCOMPARE(m->index(row, LayerTableModel::SpeedUp).data(LayerTableModel::SortRole).toDouble(), lr.speedUp());
                // a ratio only where a side took a microsecond or more (below, it is timer noise)
                const bool timed = std::max(lr.fp32->ms.median, lr.int8->ms.median) >= 0.001;
                QCOMPARE(lr.speedUp() > 0, timed);
                if (timed) QCOMPARE(lr.speedUp(), lr.fp32->ms.median / lr.int8->ms.median);
                QCOMPARE(m->index(row, LayerTableModel::Fp32Ms).data(LayerTableModel::SortRole).toDouble(), lr.fp32->ms.median);
            }
        }
        QVERIFY(matched >= 5);
        QVERIFY(withSqnr >= 10);
        // The plan order is kept: the INT8 steps appear in the table in the order they ran.
        int last = -1;
        for (const auto& l : int8->profile.layers) {
            if (!l.step.node.valid()) continue;
            const int row = m->rowForNode(l.step.node);
            QVERIFY(row > last);
            last = row;
        }

        // The header and the title say what was run and how.
        const QString header = w_->resultHeaderText();
        QVERIFY2(header.contains(QStringLiteral("Whole model")), qPrintable(header));
        QVERIFY2(header.contains(QStringLiteral("1+3 runs")), qPrintable(header));
        QVERIFY2(header.contains(QStringLiteral("cosine")), qPrintable(header));
        const RunDigest d = digestRun(r);
        QVERIFY(!d.verdict.isEmpty());
        QVERIFY2(header.contains(d.verdict), qPrintable(header));
        QVERIFY(w_->windowTitle().contains(QStringLiteral("minmax")));
        QVERIFY(w_->windowTitle().contains(QStringLiteral("INT8")));
    }

    void colourModesOverlayTheFigures() {
        QVERIFY(w_->lastRun());
        w_->setColorMode(MainWindow::ColorMode::Int8Latency);
        QVERIFY(w_->stagePanel()->legendTitle().contains(QStringLiteral("INT8 latency")));
        QVERIFY(w_->originalPanel()->legendTitle().contains(QStringLiteral("INT8 latency")));
        w_->setColorMode(MainWindow::ColorMode::SpeedUp);
        QVERIFY(w_->stagePanel()->legendTitle().contains(QStringLiteral("Speed-up")));
        w_->setColorMode(MainWindow::ColorMode::Int8Plan);
        QVERIFY(w_->stagePanel()->legendTitle().contains(QStringLiteral("INT8 plan")));
        w_->setColorMode(MainWindow::ColorMode::OpKind);
        QVERIFY(!w_->stagePanel()->legendTitle().contains(QStringLiteral("INT8")));
    }

    void clickingARowSelectsTheNodeAndBack() {
        QTableView* view = w_->layerView();
        const QAbstractItemModel* proxy = view->model();
        int proxyRow = -1;
        for (int r = 0; r < proxy->rowCount() && proxyRow < 0; ++r)
            if (NodeId{proxy->index(r, 0).data(LayerTableModel::NodeIdRole).toInt()}.valid() && r > 0) proxyRow = r;
        QVERIFY(proxyRow > 0);
        const NodeId id{proxy->index(proxyRow, 0).data(LayerTableModel::NodeIdRole).toInt()};
        view->scrollTo(proxy->index(proxyRow, 0));
        const QRect rect = view->visualRect(proxy->index(proxyRow, 0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(w_->stagePanel()->selectedNode(), id);
        const auto fusedFrom = w_->document()->fused()->node(id).fusedFrom;
        QCOMPARE(w_->originalPanel()->highlightedNodes().size(), fusedFrom.size());
        // The inspector shows the run figures for it.
        QVERIFY(w_->inspectorModel()->root());
        QVERIFY(treeHas(*w_->inspectorModel()->root(), "INT8"));
        QVERIFY(treeHas(*w_->inspectorModel()->root(), "memory format"));

        // Back: picking another node in the fused graph selects its row.
        NodeId other;
        for (const LayerRow& r : w_->layerModel()->rows())
            if (r.node.valid() && r.node != id) other = r.node;
        QVERIFY(other.valid());
        emit w_->stagePanel()->nodeSelected(other.v);
        QCOMPARE(NodeId{view->currentIndex().data(LayerTableModel::NodeIdRole).toInt()}, other);
        // And from the original graph: an original node selects the row of the node it was fused into.
        const NodeId original = w_->document()->fused()->node(id).fusedFrom.front();
        emit w_->originalPanel()->nodeSelected(original.v);
        QCOMPARE(NodeId{view->currentIndex().data(LayerTableModel::NodeIdRole).toInt()}, id);
    }

    void filterAndSort() {
        auto* proxy = w_->layerProxy();
        const int all = proxy->rowCount();
        proxy->setFilterText(QStringLiteral("conv"));
        QVERIFY(proxy->rowCount() > 0 && proxy->rowCount() < all);
        for (int r = 0; r < proxy->rowCount(); ++r) {
            QStringList cells;
            for (int c = 0; c < LayerTableModel::ColumnCount; ++c) cells << proxy->index(r, c).data().toString();
            QVERIFY2(cells.join(QLatin1Char(' ')).contains(QStringLiteral("conv"), Qt::CaseInsensitive), qPrintable(cells.join(' ')));
        }
        proxy->setFilterText({});
        QCOMPARE(proxy->rowCount(), all);
        proxy->sort(LayerTableModel::Int8Ms, Qt::DescendingOrder);
        for (int r = 1; r < proxy->rowCount(); ++r)
            QVERIFY(proxy->index(r - 1, LayerTableModel::Int8Ms).data(LayerTableModel::SortRole).toDouble() >=
                    proxy->index(r, LayerTableModel::Int8Ms).data(LayerTableModel::SortRole).toDouble());
        proxy->sort(-1);
    }

    void rowsAndVerdictFromASyntheticResult() {
        const ql::session::RunResult r = syntheticResult();
        const std::vector<LayerRow> rows = buildLayerRows(r);
        QStringList names;
        for (const auto& row : rows) names << row.name;
        QCOMPARE(names, (QStringList{"reorder in", "a", "b", "reorder mid", "c"}));  // FP32-only b after a
        QVERIFY(rows[0].inserted && !rows[0].fp32 && rows[0].int8);
        QVERIFY(rows[1].fp32 && rows[1].int8);
        QCOMPARE(rows[1].speedUp(), 2.0);
        QVERIFY(rows[2].fp32 && !rows[2].int8);
        QCOMPARE(rows[2].speedUp(), 0.0);
        const RunDigest d = digestRun(r);
        QCOMPARE(d.insertedSteps, 2);
        QCOMPARE(d.referenceSteps, 1);
        QCOMPARE(d.int8KernelSteps, 1);
        QVERIFY(qFuzzyCompare(d.speedUp, 3.0 / 4.5));
        QVERIFY2(d.verdict.startsWith(QStringLiteral("No: INT8 is slower")), qPrintable(d.verdict));
        QVERIFY2(d.verdict.contains(QStringLiteral("78% in 2 inserted")), qPrintable(d.verdict));
        QVERIFY2(d.verdict.contains(QStringLiteral("11% in 1 reference fallback")), qPrintable(d.verdict));
        QVERIFY2(d.verdict.contains(QStringLiteral("without VNNI")) && d.verdict.contains(QStringLiteral("7-bit")), qPrintable(d.verdict));
        QVERIFY2(!d.verdict.contains(QStringLiteral("noise")), qPrintable(d.verdict));

        // Medians 1.87x apart whose p10..p90 spreads overlap (a busy machine): not a plain "Yes"
        ql::session::RunResult noisy = syntheticResult();
        for (auto& p : noisy.runs) {
            auto& w = p.profile.wholeMs;
            const double median = p.precision == ql::runtime::Precision::Fp32 ? 8.4 : 4.5;
            w.median = median, w.p10 = median * 0.5, w.p90 = median * 1.6;
        }
        const RunDigest n = digestRun(noisy);
        QVERIFY2(n.verdict.startsWith(QStringLiteral("Not certain: INT8's median is 1.87× faster, but the p10–p90 spreads overlap")), qPrintable(n.verdict));
        QVERIFY2(!n.verdict.contains(QStringLiteral("Yes")), qPrintable(n.verdict));
    }

    void itemModelTesters() {
        LayerTableModel model;
        LayerFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(w_->lastRun()->result);
        QVERIFY(model.rowCount() > 0);
        proxy.setFilterText(QStringLiteral("relu"));
        proxy.sort(LayerTableModel::SpeedUp);
        proxy.setFilterText(QStringLiteral("zzz-no-such-layer"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setFilterText({});
        model.setResult(nullptr);
        QCOMPARE(proxy.rowCount(), 0);
    }

    // With the data set, INT8 calibrates on its train split (the samples the settings name) in the
    // profile as in the accuracy run, not on the profiled t10k image.
    void withTheDataSetTheProfileCalibratesOnTheCalibrationSplit() {
        const std::filesystem::path data = "/usr/share/datasets/fashion-mnist";
        if (!std::filesystem::exists(data)) QSKIP("dataset-fashion-mnist is not installed");
        auto session = ql::session::Session::open(kModel.toStdString());
        QVERIFY(session);
        ql::gui::RunRequest request;
        request.session = std::move(session).value();
        request.config = quickSettings().config;
        request.config.calibration.samples = 24;
        request.evaluate = true;
        request.dataDir = data;
        request.evalImages = 16;
        const ql::gui::RunOutcome out = ql::gui::runComparison(request, {});
        QVERIFY2(out.error.empty(), out.error.c_str());
        QVERIFY(out.result && out.int8Eval);
        const auto* int8 = out.result->find(ql::runtime::Precision::Int8);
        QVERIFY(int8);
        QVERIFY2(int8->int8Note.find("24 sample(s)") != std::string::npos, int8->int8Note.c_str());
        QVERIFY2(int8->int8Note.find("train") != std::string::npos, int8->int8Note.c_str());
        QVERIFY2(out.int8Eval->calibrationSource.find("train") != std::string::npos, out.int8Eval->calibrationSource.c_str());
        QVERIFY(out.result->comparison);
        QVERIFY2(out.result->comparison->int8Note == int8->int8Note, out.result->comparison->int8Note.c_str());
        QVERIFY(out.result->rangeInsight);
        QVERIFY2(out.result->rangeInsight->source.find("train") != std::string::npos, out.result->rangeInsight->source.c_str());
        QVERIFY2(out.inputs.find("t10k") != std::string::npos, out.inputs.c_str());  // the profiled image stays a t10k one
    }

    void cancelStopsTheRunAndKeepsTheResults() {
        const auto before = w_->lastRun();
        const int rows = w_->layerModel()->rowCount();
        RunSettings slow = quickSettings();
        slow.config.warmup = 0;
        slow.config.repeat = 100000;  // minutes if not cancelled
        w_->settingsPanel()->setSettings(slow, false);
        QSignalSpy cancelled(w_.get(), &MainWindow::runCancelled);
        QSignalSpy finished(w_.get(), &MainWindow::runFinished);
        w_->startRun();
        QVERIFY(w_->isRunning());
        QTest::qWait(1500);  // well into the timed runs
        QVERIFY(w_->isRunning());
        QElapsedTimer t;
        t.start();
        w_->cancelRun();
        QVERIFY(cancelled.wait(5000));
        const qint64 ms = t.elapsed();
        qInfo() << "cancel took" << ms << "ms";
        QVERIFY2(ms < 1500, qPrintable(QString::number(ms)));
        QVERIFY(finished.isEmpty());
        QVERIFY(!w_->isRunning());
        QCOMPARE(w_->lastRun(), before);
        QCOMPARE(w_->layerModel()->rowCount(), rows);
        // Still usable: a new run goes through.
        w_->settingsPanel()->setSettings(quickSettings(), false);
        QVERIFY(w_->runAction()->isEnabled());
        QVERIFY(runAndWait());
        QVERIFY(w_->lastRun() != before);
    }

    void aSupersededRunDeliversNothing() {
        QSignalSpy finished(w_.get(), &MainWindow::runFinished);
        QSignalSpy cancelled(w_.get(), &MainWindow::runCancelled);
        w_->startRun();
        w_->startRun();  // supersedes the first
        QVERIFY(finished.wait(60000));
        QTest::qWait(300);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(cancelled.size(), 0);
        QVERIFY(!w_->isRunning());
    }

    // With results in, the window still fits a 1440-pixel-wide screen: a chart's legend strip and
    // a long stage title used to push its minimum width to ~1560.
    void theWindowWithResultsFitsA1440Screen() {
        QVERIFY(runAndWait());
        QVERIFY(w_->showChart(QStringLiteral("layer-latency")));
        QTest::qWait(300);  // the plots lay out and replot
        QVERIFY2(w_->minimumSizeHint().width() <= 1440, qPrintable(QString::number(w_->minimumSizeHint().width())));
        // and the run settings fit their dock: no field behind a horizontal scroll bar
        auto* area = qobject_cast<QScrollArea*>(w_->settingsPanel()->parentWidget()->parentWidget());
        QVERIFY(area);
        QVERIFY(!area->horizontalScrollBar()->isVisible());
    }

    // A model whose input declares its batch (torch.onnx.export without dynamic_axes) runs at it:
    // the batch field shows it read-only, the run uses it, and the user's own batch comes back
    // with the next model (it is what is saved).
    void aModelThatFixesItsBatchShowsItAndRunsAtIt() {
        RunSettings s = quickSettings();
        s.config.batch = 3;
        w_->settingsPanel()->setSettings(s, /*persist=*/false);
        auto* batch = w_->settingsPanel()->findChild<QSpinBox*>(QStringLiteral("runBatch"));
        QVERIFY(batch);
        QVERIFY(batch->isEnabled());
        QSignalSpy drawn(w_.get(), &MainWindow::modelDrawn);
        w_->openModel(QStringLiteral(QL_TEST_MODELS_DIR "/fixed_batch2.onnx"));
        QVERIFY(drawn.wait(30000));
        QCOMPARE(batch->value(), 2);
        QVERIFY(!batch->isEnabled());
        QVERIFY(batch->toolTip().contains(QStringLiteral("fixes its batch at 2")));
        QCOMPARE(w_->settingsPanel()->settings().config.batch, 2);
        QVERIFY(runAndWait());
        QVERIFY(w_->lastRun() && w_->lastRun()->result);
        QCOMPARE(w_->lastRun()->result->config.batch, 2);
        QCOMPARE(w_->settingsPanel()->userSettings().config.batch, int64_t(3));
        // an edit while it is open saves the user's batch, not the model's
        w_->settingsPanel()->setSettings(s, /*persist=*/true);
        auto* threads = w_->settingsPanel()->findChild<QSpinBox*>(QStringLiteral("runThreads"));
        QVERIFY(threads);
        threads->setValue(2);
        {
            QSettings store;
            QCOMPARE(loadRunSettings(store).config.threads, 2);
            QCOMPARE(loadRunSettings(store).config.batch, int64_t(3));
        }
        drawn.clear();
        w_->openModel(kModel);
        QVERIFY(drawn.wait(30000));
        QVERIFY(batch->isEnabled());
        QCOMPARE(batch->value(), 3);
        QCOMPARE(w_->settingsPanel()->settings().config.batch, 3);
        w_->settingsPanel()->setSettings(quickSettings(), /*persist=*/false);
    }

    void settingsSurviveARestart() {
        RunSettings s = quickSettings();
        s.config.calibration.samples = 7;
        s.config.calibration.method = "percentile";
        s.config.calibration.percentile = 99.5;
        s.config.calibration.perTensorWeights = true;
        s.config.threads = 1;
        s.config.batch = 2;
        s.config.layout = ql::runtime::Layout::Nhwc;
        s.config.executor = "eager";
        s.config.sevenBitActivations = false;
        s.config.asymmetricActivations = true;
        s.config.fp32Fallback = {"Gemm", "conv1"};
        s.dataDir = QStringLiteral("/tmp/somewhere");
        s.evalImages = 123;
        w_->settingsPanel()->setSettings(s, /*persist=*/true);
        // An edit in the form is saved too.
        auto* evaluate = w_->settingsPanel()->findChild<QCheckBox*>(QStringLiteral("evaluateAccuracy"));
        QVERIFY(evaluate);
        QVERIFY(!evaluate->isChecked());
        // without a data set int8 calibrates on the profiled inputs: the sample count does not apply
        auto* samples = w_->settingsPanel()->findChild<QSpinBox*>(QStringLiteral("calibrationSamples"));
        QVERIFY(samples);
        QVERIFY(!samples->isEnabled());
        QVERIFY(settingsSummary(s).contains(QStringLiteral("percentile 99.5 on the profiled inputs")));
        evaluate->click();
        s.evaluate = true;
        QCOMPARE(w_->settingsPanel()->settings(), s);
        QVERIFY(samples->isEnabled());
        QVERIFY(settingsSummary(s).contains(QStringLiteral("percentile 99.5 ×7")));
        // Kernel tuning is a run setting like the others: the form sets it, the summary says so.
        auto* tune = w_->settingsPanel()->findChild<QCheckBox*>(QStringLiteral("tuneKernels"));
        QVERIFY(tune);
        QVERIFY(!tune->isChecked());
        QVERIFY(!settingsSummary(s).contains(QStringLiteral("kernels timed")));
        tune->click();
        s.config.tuneKernels = true;
        QCOMPARE(w_->settingsPanel()->settings(), s);
        QVERIFY(settingsSummary(s).contains(QStringLiteral("kernels timed")));
        // Row bands are on by default; turning them off is a setting the summary names.
        auto* bands = w_->settingsPanel()->findChild<QCheckBox*>(QStringLiteral("rowBands"));
        QVERIFY(bands);
        QVERIFY(bands->isChecked());
        QVERIFY(!settingsSummary(s).contains(QStringLiteral("row bands off")));
        bands->click();
        s.config.rowBands = false;
        QCOMPARE(w_->settingsPanel()->settings(), s);
        QVERIFY(settingsSummary(s).contains(QStringLiteral("row bands off")));

        w_.reset();  // "restart"
        MainWindow again;
        QCOMPARE(again.settingsPanel()->settings(), s);
        // A one-off override (command line) is not written back.
        again.setDatasetOverride(QStringLiteral("/tmp/elsewhere"));
        MainWindow third;
        QCOMPARE(third.settingsPanel()->settings().dataDir, QStringLiteral("/tmp/somewhere"));
    }
};

QTEST_MAIN(RunTest)
#include "run_test.moc"
