// The Benchmark page: opens a bench folder, filters the table and the plots, refuses a broken
// folder with the file's name, and the main window's --bench path opens it in its own window.
#include <QComboBox>
#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>
#include <qcustomplot.h>

#include "app/gui/bench_page.h"
#include "app/gui/main_window.h"
#include "core/bench/bench_run.h"
#include "core/bench/grid.h"

using namespace ql;

namespace {
// Two models x batch 1, 8 x fp32/int8, three trials each: INT8 2.5x faster, weights 4x smaller.
bench::BenchRun sampleRun() {
    bench::BenchRun run;
    run.machine = {"host", "Test CPU", "avx512_core_vnni", "2.6.3", "0.1.0", true, 2};
    run.spec.models = {"/m/resnet18.onnx", "/m/mobilenet_v2.onnx"};
    run.spec.batches = {1, 8};
    run.shards = {{0, 1}};
    run.configs = *bench::expandGrid(run.spec);
    for (const auto& c : run.configs)
        for (int t = 0; t < 3; ++t) {
            bench::TrialRecord r;
            r.config = c;
            r.trial = t;
            const double centre = (c.precision == "fp32" ? 10.0 : 4.0) * double(c.batch) * (c.modelName == "resnet18" ? 2.0 : 1.0);
            for (int i = 0; i < 8; ++i) r.samplesMs.push_back(centre * (1 + 0.01 * double((i + t) % 4)));
            r.weightBytes = c.precision == "fp32" ? 4 << 20 : 1 << 20;
            r.threadsUsed = 2;
            run.trials.push_back(r);
        }
    run.complete = true;
    return run;
}
}  // namespace

class BenchPageTest : public QObject {
    Q_OBJECT
private slots:
    void opensFiltersAndPlots() {
        QTemporaryDir dir;
        QVERIFY(bench::writeBenchRun(dir.path().toStdString(), sampleRun()));
        gui::BenchPage page;
        page.resize(1100, 800);
        page.show();
        QVERIFY(page.openFolder(dir.path()));
        QVERIFY(page.errorText().isEmpty());
        QCOMPARE(page.visibleRows(), 8);
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("benchHeader"))->text().contains(QStringLiteral("Test CPU")));
        // INT8 rows carry the pair's speed-up; FP32 rows do not
        QAbstractItemModel* m = page.table()->model();
        int int8Rows = 0;
        for (int r = 0; r < m->rowCount(); ++r) {
            const QString precision = m->index(r, 1).data().toString();
            const QString speedUp = m->index(r, 10).data().toString();
            if (precision == QStringLiteral("int8")) {
                ++int8Rows;
                QVERIFY2(speedUp.startsWith(QStringLiteral("2.5")), qPrintable(speedUp));
            } else {
                QVERIFY(speedUp.isEmpty());
            }
        }
        QCOMPARE(int8Rows, 4);
        page.setFilter(QStringLiteral("resnet18"), QString(), 0);
        QCOMPARE(page.visibleRows(), 4);
        page.setFilter(QStringLiteral("resnet18"), QStringLiteral("int8"), 8);
        QCOMPARE(page.visibleRows(), 1);
        QCOMPARE(m->index(0, 2).data().toString(), QStringLiteral("8"));
        // the speed-up plot follows the filter: one bar for the one pair left
        page.setChart(0);
        auto* bars = qobject_cast<QCPBars*>(page.plot()->plottable(0));
        QVERIFY(bars);
        QCOMPARE(bars->data()->size(), 0);  // the INT8-only filter drops the FP32 half of every pair
        page.setFilter(QStringLiteral("resnet18"), QString(), 0);
        bars = qobject_cast<QCPBars*>(page.plot()->plottable(0));
        QCOMPARE(bars->data()->size(), 2);
        page.setChart(1);  // latency against batch: one line per model and precision
        QCOMPARE(page.plot()->graphCount(), 2);
        page.setFilter(QString(), QString(), 0);
        page.setChart(1);
        QCOMPARE(page.plot()->graphCount(), 4);
        // sorting by ms/image uses numbers
        page.table()->sortByColumn(7, Qt::AscendingOrder);
        double previous = -1;
        for (int r = 0; r < m->rowCount(); ++r) {
            const double v = m->index(r, 7).data(Qt::UserRole).toDouble();
            QVERIFY(v >= previous);
            previous = v;
        }
    }

    void brokenFolderIsNamedAndNothingChanges() {
        QTemporaryDir good, bad;
        QVERIFY(bench::writeBenchRun(good.path().toStdString(), sampleRun()));
        gui::BenchPage page;
        QVERIFY(page.openFolder(good.path()));
        QFile f(bad.filePath(QStringLiteral("bench.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"schema\": \"quantlens.bench/1\", \"machine\": {\"cpu\": 3");
        f.close();
        QVERIFY(!page.openFolder(bad.path()));
        QVERIFY2(page.errorText().contains(bad.filePath(QStringLiteral("bench.json"))), qPrintable(page.errorText()));
        QCOMPARE(page.folder(), good.path());  // the open study stays
        QCOMPARE(page.visibleRows(), 8);
        QTemporaryDir empty;
        QVERIFY(!page.openFolder(empty.path()));
        QVERIFY(page.errorText().contains(QStringLiteral("cannot be read")));
    }

    void mainWindowOpensItInItsOwnWindow() {
        QTemporaryDir dir;
        QVERIFY(bench::writeBenchRun(dir.path().toStdString(), sampleRun()));
        gui::MainWindow window;
        window.show();
        gui::BenchPage* page = window.openBenchmark(dir.path());
        QVERIFY(page->isWindow());
        QVERIFY(page->isVisible());
        QCOMPARE(page->visibleRows(), 8);
        QCOMPARE(window.openBenchmark(), page);  // one per main window
    }
};

QTEST_MAIN(BenchPageTest)
#include "bench_test.moc"
