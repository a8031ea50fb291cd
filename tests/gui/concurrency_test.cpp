// Cancellation and concurrency in the window (offscreen): opening another model while a run is in
// flight drops that run (no stale result, the window is not left "running"); a load superseded by
// another shows only the last model; closing the window mid-run returns promptly and its worker
// stops; an export that cannot be written leaves no file, partial or temporary; a run cancelled
// while it calibrates or while it compares the layers stops there and the previous results stay;
// a worker that throws fails its job instead of terminating the application.
#include <QDir>
#include <QElapsedTimer>
#include <QProgressBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include "app/gui/background_job.h"
#include "app/gui/main_window.h"
#include "app/gui/settings_panel.h"

using namespace ql::gui;

namespace {

const QString kModel = QStringLiteral(QL_RESOURCE_DIR "/models/fashion_resnet.onnx");

RunSettings settings(int repeat) {
    RunSettings s;
    s.config.warmup = 0;
    s.config.repeat = repeat;  // 100000: minutes if never cancelled
    s.config.threads = 1;
    s.evaluate = false;
    return s;
}

bool openAndWait(MainWindow& w, const QString& path) {
    QSignalSpy drawn(&w, &MainWindow::modelDrawn);
    w.openModel(path);
    return drawn.wait(30000);
}

// A short run (2 repeats) to its end; `finished` watches the window's runFinished.
bool runToTheEnd(MainWindow& w, QSignalSpy& finished) {
    w.settingsPanel()->setSettings(settings(2), false);
    w.startRun();
    return finished.wait(60000);
}

// Starts a run that only a cancel ends and waits until it is well under way.
bool startEndlessRun(MainWindow& w) {
    w.settingsPanel()->setSettings(settings(100000), false);
    w.startRun();
    QTest::qWait(1000);
    return w.isRunning();
}

}  // namespace

class ConcurrencyTest : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("QuantLensConcurrencyTest"));
        QCoreApplication::setApplicationName(QStringLiteral("QuantLensConcurrencyTest"));
        QSettings().clear();
        QVERIFY(tmp_.isValid());
        // a second model file, so "another model" is another document
        QVERIFY(QFile::copy(kModel, tmp_.filePath(QStringLiteral("other.onnx"))));
    }

    void openingAnotherModelMidRunDropsTheRun() {
        MainWindow w;
        w.show();
        QVERIFY(openAndWait(w, kModel));
        QVERIFY(startEndlessRun(w));
        QSignalSpy finished(&w, &MainWindow::runFinished);
        QVERIFY(openAndWait(w, tmp_.filePath(QStringLiteral("other.onnx"))));
        QVERIFY(!w.isRunning());                 // not left "running" by the dropped run
        QVERIFY(w.runAction()->isEnabled());
        QTest::qWait(1500);                      // the old worker stops and posts its (dropped) outcome
        QVERIFY(finished.isEmpty());
        QVERIFY(!w.lastRun());                   // nothing stale swapped in
        // the new model runs normally
        QVERIFY(runToTheEnd(w, finished));
        QVERIFY(w.lastRun());
        QVERIFY(!w.isRunning());
    }

    void aSupersededLoadShowsOnlyTheLastModel() {
        MainWindow w;
        w.show();
        QSignalSpy failed(&w, &MainWindow::loadFailed);
        QSignalSpy changed(&w, &MainWindow::documentChanged);
        w.openModel(kModel);
        w.openModel(QStringLiteral("/nonexistent/first-superseded.onnx"));
        QVERIFY(openAndWait(w, tmp_.filePath(QStringLiteral("other.onnx"))));
        QTest::qWait(500);
        QVERIFY(failed.isEmpty());               // the superseded bad load reports nothing
        QCOMPARE(changed.size(), 1);             // only the last load became the document
        QVERIFY(w.windowTitle().contains(QStringLiteral("other.onnx")));
    }

    void closingTheWindowMidRunStopsItsWorker() {
        auto* w = new MainWindow;
        w->show();
        QVERIFY(openAndWait(*w, kModel));
        QVERIFY(startEndlessRun(*w));
        QElapsedTimer t;
        t.start();
        w->close();
        delete w;                                // cancels the run; its outcome has no receiver
        QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
        qInfo() << "worker stopped" << t.elapsed() << "ms after the window closed";
        QTest::qWait(200);                       // a posted outcome for the dead window is dropped
    }

    // The GUI's run calibrates INT8 (the range insight's histogram run on the reference executor)
    // and then compares the layers; at batch 256 each takes a second or more, so the cancel
    // lands inside the stage the progress bar names.
    void cancellingDuringCalibrationOrComparisonKeepsThePreviousResults() {
        MainWindow w;
        w.show();
        QVERIFY(openAndWait(w, kModel));
        QSignalSpy finished(&w, &MainWindow::runFinished);
        QVERIFY(runToTheEnd(w, finished));
        QVERIFY(w.lastRun());
        auto* bar = w.findChild<QProgressBar*>(QStringLiteral("runProgress"));
        QVERIFY(bar);
        for (const QString& stage : {QStringLiteral("calibration"), QStringLiteral("comparison")}) {
            // Progress reaches the bar at most every 150 ms: on a loaded machine a short stage can
            // end (and the run with it) by the time the bar names it. Then the cancel cannot land
            // inside it: again with a bigger batch.
            bool landed = false;
            for (int64_t batch = 256; batch <= 2048 && !landed; batch *= 2) {
                RunSettings heavy = settings(2);
                heavy.config.batch = batch;
                w.settingsPanel()->setSettings(heavy, false);
                const auto previous = w.lastRun();
                const qsizetype finishedBefore = finished.size();
                QSignalSpy cancelled(&w, &MainWindow::runCancelled);
                w.startRun();
                QElapsedTimer waited;
                waited.start();
                while (!bar->format().startsWith(stage) && w.isRunning() && waited.elapsed() < 600000) QTest::qWait(5);
                if (!w.isRunning()) {
                    qInfo() << "batch" << batch << "ended before a cancel could land in" << stage;
                    continue;
                }
                QVERIFY2(bar->format().startsWith(stage), qPrintable(stage + QStringLiteral(" never shown; last: ") + bar->format()));
                QElapsedTimer t;
                t.start();
                w.cancelRun();  // no event is processed between the check above and this
                QVERIFY(cancelled.wait(120000));
                qInfo() << "cancelled during" << stage << "in" << t.elapsed() << "ms";
                QVERIFY(!w.isRunning());
                QCOMPARE(finished.size(), finishedBefore);  // the cancelled run never finished
                QCOMPARE(w.lastRun(), previous);            // and nothing of it replaced the results
                landed = true;
            }
            QVERIFY2(landed, qPrintable(QStringLiteral("no run was still in ") + stage + QStringLiteral(" when the bar named it")));
        }
    }

    // An exception escaping a worker would make Qt terminate the application: it becomes the
    // job's failure, delivered on the receiver's thread.
    void aThrowingBackgroundJobFailsInsteadOfTerminating() {
        QObject owner;
        auto receiver = std::make_shared<JobReceiver>(&owner);
        QString failure;
        bool delivered = false;
        runInBackground(
            receiver, []() -> int { throw std::runtime_error("boom"); }, [&delivered](int) { delivered = true; },
            [&failure](const QString& message) { failure = message; });
        QTRY_COMPARE(failure, QStringLiteral("boom"));
        QVERIFY(!delivered);
        receiver->detach();
    }

    void aFailedExportLeavesNoFile() {
        MainWindow w;
        w.show();
        QVERIFY(openAndWait(w, kModel));
        QSignalSpy finished(&w, &MainWindow::runFinished);
        QVERIFY(runToTheEnd(w, finished));
        // the folder cannot be made: its parent is a file
        QFile blocker(tmp_.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString error = w.exportReport(blocker.fileName() + QStringLiteral("/report.html"), ql::report::Overwrite::Replace);
        QVERIFY(!error.isEmpty());
        QCOMPARE(QDir(tmp_.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 (QStringList{QStringLiteral("blocker"), QStringLiteral("other.onnx")}));
        // and a good export replaces nothing but its own file
        QVERIFY(w.exportReport(tmp_.filePath(QStringLiteral("report.html")), ql::report::Overwrite::Replace).isEmpty());
        QCOMPARE(QDir(tmp_.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 (QStringList{QStringLiteral("blocker"), QStringLiteral("other.onnx"), QStringLiteral("report.html")}));
    }
};

QTEST_MAIN(ConcurrencyTest)
#include "concurrency_test.moc"
