// The window end to end (offscreen): open the bundled model and count what each view draws;
// a bad file keeps the previous model; selection stays in sync across fusion; search
// next/previous; switching the right view to a pass; the overlay seam.
#include <QMessageBox>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <QFile>

#include "app/gui/graph_panel.h"
#include "app/gui/graph_scene.h"
#include "app/gui/graph_view.h"
#include "app/gui/main_window.h"
#include "app/gui/pass_list_model.h"
#include "app/gui/property_tree_model.h"
#include "app/gui/recent_files.h"

using namespace ql::gui;
using ql::ir::NodeId;

namespace {

const QString kModel = QStringLiteral(QL_RESOURCE_DIR "/models/fashion_resnet.onnx");

bool openAndWait(MainWindow& w, const QString& path) {
    QSignalSpy drawn(&w, &MainWindow::modelDrawn);
    w.openModel(path);
    return drawn.wait(30000);
}

int indexIn(GraphPanel* p, NodeId id) { return p->drawing()->indexOf(id); }

}  // namespace

class MainWindowTest : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w_;
    QTemporaryDir dir_;

private slots:
    // `quantlens --help` and `--version` print and exit 0 with no display at all (no DISPLAY, no
    // QT_QPA_PLATFORM): they must not need the platform a window does.
    void helpAndVersionNeedNoDisplay() {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        for (const QString& arg : {QStringLiteral("--help"), QStringLiteral("--version")}) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(QL_APP_PATH), {arg});
            QVERIFY(p.waitForFinished(30000));
            QCOMPARE(p.exitStatus(), QProcess::NormalExit);
            QCOMPARE(p.exitCode(), 0);
            const QString out = QString::fromUtf8(p.readAllStandardOutput());
            QVERIFY2(out.contains(arg == QStringLiteral("--help") ? QStringLiteral("--run") : QStringLiteral(QL_VERSION)), qPrintable(out));
        }
    }

    // The app's output files are checked before the window opens (exit 2, the file named, an
    // existing one kept without --force); a model that does not load is bad input (exit 2) and
    // leaves no screenshot.
    void commandLineOutputsAreCheckedUpFront() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto app = [&](const QStringList& args) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(QL_APP_PATH), args);
            p.waitForFinished(60000);
            return std::pair{p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
        };
        const QString kept = dir.filePath(QStringLiteral("kept.png"));
        {
            QFile f(kept);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("keep");
        }
        const auto exists = app({kModel, QStringLiteral("--screenshot"), kept, QStringLiteral("--quit")});
        QCOMPARE(exists.first, 2);
        QVERIFY2(exists.second.contains(QStringLiteral("exists; add --force to replace it")), qPrintable(exists.second));
        QFile f(kept);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("keep"));
        const auto notImage = app({kModel, QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.json")), QStringLiteral("--quit")});
        QCOMPARE(notImage.first, 2);
        QVERIFY2(notImage.second.contains(QStringLiteral("not an image file name")), qPrintable(notImage.second));
        const QString junk = dir.filePath(QStringLiteral("junk.onnx")), shot = dir.filePath(QStringLiteral("shot.png"));
        {
            QFile j(junk);
            QVERIFY(j.open(QIODevice::WriteOnly));
            j.write("not a model");
        }
        const auto bad = app({junk, QStringLiteral("--screenshot"), shot, QStringLiteral("--quit")});
        QCOMPARE(bad.first, 2);
        QVERIFY(!QFileInfo::exists(shot));
    }

    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("QuantLensTest"));
        w_ = std::make_unique<MainWindow>();
        w_->show();
        QVERIFY(openAndWait(*w_, kModel));
    }

    void countsNodesInOriginalAndFusedViews() {
        const auto doc = w_->document();
        QVERIFY(doc);
        QCOMPARE(w_->originalPanel()->nodeItemCount(), 33);  // the bundled ResNet as imported
        QCOMPARE(w_->stagePanel()->nodeItemCount(), 12);     // after identities, BN, Conv+Add, Conv+Relu fusion
        QCOMPARE(size_t(w_->originalPanel()->nodeItemCount()), doc->original()->liveNodeCount());
        QCOMPARE(size_t(w_->stagePanel()->nodeItemCount()), doc->fused()->liveNodeCount());
        QVERIFY(w_->originalPanel()->edgeItemCount() >= 32);
        QCOMPARE(w_->currentStage(), int(doc->stages.size()) - 1);
        QVERIFY(w_->recentFiles()->files().contains(QFileInfo(kModel).absoluteFilePath()));
    }

    void badFileKeepsThePreviousModel() {
        const auto before = w_->document();
        const QString bad = dir_.filePath(QStringLiteral("broken.onnx"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a protobuf");
        f.close();
        QSignalSpy failed(w_.get(), &MainWindow::loadFailed);
        w_->openModel(bad);
        QVERIFY(failed.wait(10000));
        QVERIFY2(w_->lastError().contains(QStringLiteral("broken.onnx")), qPrintable(w_->lastError()));
        QCOMPARE(w_->document(), before);
        QCOMPARE(w_->originalPanel()->nodeItemCount(), 33);
        QCOMPARE(w_->stagePanel()->nodeItemCount(), 12);
        auto* box = w_->findChild<QMessageBox*>(QStringLiteral("loadErrorBox"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("broken.onnx")));
        box->close();

        QSignalSpy failedAgain(w_.get(), &MainWindow::loadFailed);
        w_->openModel(dir_.filePath(QStringLiteral("missing.onnx")));
        QVERIFY(failedAgain.wait(10000));
        QVERIFY(w_->lastError().contains(QStringLiteral("missing.onnx")));
        QCOMPARE(w_->document(), before);
        if (auto* b = w_->findChild<QMessageBox*>(QStringLiteral("loadErrorBox"))) b->close();
    }

    void selectingAFusedNodeHighlightsItsOriginals() {
        const auto fused = w_->document()->fused();
        NodeId pick;
        for (NodeId id : fused->nodeIds())
            if (fused->node(id).fusedFrom.size() >= 3) pick = id;  // a FusedConv: conv + bn + relu
        QVERIFY(pick.valid());
        emit w_->stagePanel()->view()->nodeClicked(indexIn(w_->stagePanel(), pick));
        QCOMPARE(w_->stagePanel()->selectedNode(), pick);
        auto highlighted = w_->originalPanel()->highlightedNodes();
        auto expected = fused->node(pick).fusedFrom;
        auto byId = [](NodeId a, NodeId b) { return a.v < b.v; };
        std::sort(highlighted.begin(), highlighted.end(), byId);
        std::sort(expected.begin(), expected.end(), byId);
        QVERIFY(highlighted == expected);
        // The inspector shows the fused node.
        QCOMPARE(w_->inspectorModel()->rowCount(), 5);
        QCOMPARE(w_->inspectorModel()->data(w_->inspectorModel()->index(0, 1)).toString(),
                 QString::fromStdString(fused->node(pick).name));

        // And back: an original Relu that was fused points at the same fused node.
        NodeId relu;
        for (NodeId id : fused->node(pick).fusedFrom)
            if (w_->document()->original()->node(id).opType == "Relu") relu = id;
        QVERIFY(relu.valid());
        emit w_->originalPanel()->view()->nodeClicked(indexIn(w_->originalPanel(), relu));
        QCOMPARE(w_->originalPanel()->selectedNode(), relu);
        QVERIFY(w_->stagePanel()->highlightedNodes() == std::vector<NodeId>{pick});
        QCOMPARE(w_->originalPanel()->highlightedNodes().size(), expected.size() - 1);  // its fusion partners

        // Background click clears.
        emit w_->originalPanel()->view()->nodeClicked(-1);
        QVERIFY(w_->stagePanel()->highlightedNodes().empty());
        QCOMPARE(w_->inspectorModel()->rowCount(), 0);
    }

    void searchNextAndPrevious() {
        GraphPanel* p = w_->stagePanel();
        p->search(QStringLiteral("conv"));
        int expected = 0;
        for (const auto& n : p->drawing()->nodes)
            if (QString::fromStdString(n.opType + " " + p->drawing()->graph->node(n.id).name).contains(QStringLiteral("conv"), Qt::CaseInsensitive))
                ++expected;
        QCOMPARE(p->searchMatchCount(), expected);
        QVERIFY(expected >= 3);
        const NodeId first = p->currentSearchMatch();
        p->searchNext();
        const NodeId second = p->currentSearchMatch();
        QVERIFY(second != first);
        QCOMPARE(p->selectedNode(), second);
        // Reading order: the second match is not above the first.
        QVERIFY(p->scene()->nodeRect(indexIn(p, second)).center().y() >= p->scene()->nodeRect(indexIn(p, first)).center().y());
        p->searchPrevious();
        QCOMPARE(p->currentSearchMatch(), first);
        p->searchPrevious();  // wraps to the last
        QVERIFY(p->currentSearchMatch() != first);
        for (int i = 0; i < expected; ++i) p->searchNext();  // a full cycle comes back
        QVERIFY(p->currentSearchMatch() != first);
        p->searchNext();
        QCOMPARE(p->currentSearchMatch(), first);
        p->search(QStringLiteral("GlobalAveragePool"));
        QCOMPARE(p->searchMatchCount(), 1);
        p->search(QStringLiteral("no such node"));
        QCOMPARE(p->searchMatchCount(), 0);
        p->search(QString());
    }

    void keyboardNavigationFollowsEdges() {
        GraphPanel* p = w_->originalPanel();
        p->selectNode({}, false);
        QTest::keyClick(p->view(), Qt::Key_Down);  // nothing selected: the top node
        const NodeId top = p->selectedNode();
        QVERIFY(top.valid());
        QTest::keyClick(p->view(), Qt::Key_Down);
        const NodeId next = p->selectedNode();
        QVERIFY(next != top);
        const auto& consumers = p->drawing()->successors(indexIn(p, top));
        QVERIFY(std::find(consumers.begin(), consumers.end(), indexIn(p, next)) != consumers.end());
        QTest::keyClick(p->view(), Qt::Key_Up);
        QCOMPARE(p->selectedNode(), top);
    }

    void passListSwitchesTheRightView() {
        QSignalSpy drawn(w_.get(), &MainWindow::modelDrawn);
        w_->showStage(0);
        QVERIFY(drawn.wait(10000));
        QCOMPARE(w_->stagePanel()->nodeItemCount(), 33);
        const int last = int(w_->document()->stages.size()) - 1;
        w_->showStage(last);
        QVERIFY(drawn.wait(10000));
        QCOMPARE(w_->stagePanel()->nodeItemCount(), 12);
    }

    void overlayColoursNodesWithALegend() {
        GraphPanel* p = w_->stagePanel();
        std::map<NodeId, double> values;
        double v = 0.1;
        for (const auto& n : p->drawing()->nodes) values[n.id] = (v += 0.2);
        p->setOverlay(values, QStringLiteral("INT8 latency (ms)"), ColorScale::sequential(0.1, v));
        QVERIFY(p->scene()->hasOverlay());
        QCOMPARE(p->legendTitle(), QStringLiteral("INT8 latency (ms)"));
        p->clearOverlay();
        QVERIFY(!p->scene()->hasOverlay());
        QCOMPARE(p->legendTitle(), QStringLiteral("Op kind"));
    }

    // The legend floats over the graph: it moves off whichever node is selected.
    void theLegendNeverHidesTheSelectedNode() {
        for (GraphPanel* p : {w_->originalPanel(), w_->stagePanel()}) {
            p->view()->resetTransform();  // 1:1, the graph larger than the view
            for (const auto& n : p->drawing()->nodes) {
                p->selectNode(n.id, true);
                const QRectF legend = p->view()->mapToScene(p->legendGeometry()).boundingRect();
                const QRectF node = p->scene()->nodeRect(indexIn(p, n.id));
                QVERIFY2(!legend.intersects(node), qPrintable(QString::fromStdString(n.name)));
                // the originals a fused node came from, highlighted in the other view, alike
                p->selectNode(NodeId{}, false);
                p->setHighlightedNodes({n.id}, true);
                QVERIFY2(!p->view()->mapToScene(p->legendGeometry()).boundingRect().intersects(node), qPrintable(QString::fromStdString(n.name)));
                p->setHighlightedNodes({}, false);
            }
        }
    }

    void reopeningUsesTheLayoutCache() {
        QVERIFY(openAndWait(*w_, kModel));
        QCOMPARE(w_->stagePanel()->nodeItemCount(), 12);
        QVERIFY(w_->stagePanel()->lastOpenToDrawnMs() < 3000);
    }

    void cleanupTestCase() { w_.reset(); }
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
