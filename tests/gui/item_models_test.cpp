// QAbstractItemModelTester over every item model the window uses, with real data from the
// bundled model, and through their resets.
#include <QAbstractItemModelTester>
#include <QtTest>

#include "app/gui/model_document.h"
#include "app/gui/pass_list_model.h"
#include "app/gui/property_tree_model.h"

using namespace ql::gui;

class ItemModelsTest : public QObject {
    Q_OBJECT
    std::shared_ptr<const ModelDocument> doc_;

private slots:
    void initTestCase() {
        auto doc = loadModelDocument(QL_RESOURCE_DIR "/models/fashion_resnet.onnx");
        QVERIFY2(doc.isOk(), doc.isOk() ? "" : doc.message().c_str());
        doc_ = *doc;
        QVERIFY(doc_->stages.size() >= 2);
    }

    void passListModel() {
        PassListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setDocument(doc_);
        QCOMPARE(model.rowCount(), int(doc_->stages.size()));
        QCOMPARE(model.data(model.index(0, PassListModel::Stage)).toString(), QStringLiteral("Original"));
        QCOMPARE(model.data(model.index(0, PassListModel::Nodes)).toULongLong(), qulonglong(doc_->original()->liveNodeCount()));
        const int last = model.rowCount() - 1;
        QCOMPARE(model.data(model.index(last, PassListModel::Nodes)).toULongLong(), qulonglong(doc_->fused()->liveNodeCount()));
        // The activation fusion removed the Relus: the model says so, and lists them.
        QVERIFY(model.data(model.index(last, PassListModel::Removed)).toULongLong() > 0);
        QVERIFY(model.changesText(last).contains(QStringLiteral("Relu")));
        model.setDocument(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void propertyTreeModel() {
        PropertyTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const ql::ir::Graph& fused = *doc_->fused();
        ql::ir::NodeId conv;
        for (auto id : fused.nodeIds())
            if (fused.node(id).fusedFrom.size() > 1) conv = id;
        QVERIFY(conv.valid());
        model.setRoot(std::make_shared<const PropertyRow>(describeNode(fused, conv)));
        QCOMPARE(model.rowCount(), 5);  // Node, Attributes, Inputs, Outputs, Weights
        const QModelIndex weights = model.index(4, 0);
        QCOMPARE(model.data(weights).toString(), QStringLiteral("Weights"));
        QVERIFY(model.rowCount(weights) >= 1);
        const QModelIndex w0 = model.index(0, 0, weights);
        QCOMPARE(model.parent(w0), weights);
        QStringList stats;
        for (int r = 0; r < model.rowCount(w0); ++r) stats << model.data(model.index(r, 0, w0)).toString();
        QCOMPARE(stats, (QStringList{"min", "max", "mean", "std", "elements", "bytes"}));
        model.setRoot(std::make_shared<const PropertyRow>(describeNode(*doc_->original(), doc_->original()->nodeIds().front())));
        QVERIFY(model.rowCount() == 5);
        model.setRoot(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void weightStatsAreRight() {
        const auto t = ql::ir::Tensor::fromFloats({4}, {1, 2, 3, 6});
        const WeightStats s = weightStats(t);
        QCOMPARE(s.min, 1.0);
        QCOMPARE(s.max, 6.0);
        QCOMPARE(s.mean, 3.0);
        QVERIFY(std::abs(s.stddev - std::sqrt(3.5)) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(ItemModelsTest)
#include "item_models_test.moc"
