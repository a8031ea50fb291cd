// The charts that explain a run beyond its latencies, on a real run of the bundled model with
// the layers compared and the range insight kept, offscreen: the activation histogram and the
// weight channels follow the selected layer and draw what the result holds; the live-memory
// curve is the plan's per-step bytes and a click on it selects the step's node; the diagnosis
// bars are sorted, clickable and read German under the German translation; every new chart
// exports PNG and SVG; the report embeds the per-layer charts for the worst layers.
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>
#include <qcustomplot.h>

#include "app/gui/charts_panel.h"
#include "app/report/charts.h"
#include "app/report/diagnosis_text.h"
#include "app/report/html_report.h"
#include "core/session/inputs.h"
#include "core/session/session.h"
#include "core/session/workflows.h"

using namespace ql;
using report::DiagnosisCause;

namespace {
const QString kModel = QStringLiteral(QL_RESOURCE_DIR "/models/fashion_resnet.onnx");

template <typename T>
std::vector<T*> plottables(QCustomPlot* plot) {
    std::vector<T*> out;
    for (int i = 0; i < plot->plottableCount(); ++i)
        if (auto* p = qobject_cast<T*>(plot->plottable(i))) out.push_back(p);
    return out;
}
// The legend's entries: a legend that wraps into rows counts its empty cells as items too.
int legendEntries(QCustomPlot* plot) {
    int n = 0;
    for (int i = 0; i < plot->legend->itemCount(); ++i) n += plot->legend->item(i) != nullptr;
    return n;
}
}  // namespace

class InsightChartsTest : public QObject {
    Q_OBJECT
    session::RunResultPtr result_;
    std::vector<report::LayerRow> rows_;

    int pageOf(gui::ChartsPanel& panel, report::ChartKind kind) {
        for (int i = 0; i < panel.chartCount(); ++i)
            if (panel.chartKind(i) == kind) return i;
        return -1;
    }
    void settle(gui::ChartsPanel& panel, int page) {
        panel.setCurrentIndex(page);
        QCoreApplication::processEvents();
        QTest::qWait(50);
        panel.plot(page)->replot(QCustomPlot::rpImmediateRefresh);
    }

private slots:
    void initTestCase() {
        auto s = session::Session::open(kModel.toStdString(), {1, {}, {}});
        QVERIFY2(s, s ? "" : s.status().message().c_str());
        auto inputs = session::completeWithRandom(*(*s)->original(), {}, 0);
        QVERIFY(inputs);
        session::RunConfig config;
        config.warmup = 1;
        config.repeat = 3;
        auto r = session::profileModel(**s, config, {*inputs, false, /*compareLayers=*/true, /*rangeInsight=*/true});
        QVERIFY2(r, r ? "" : r.status().message().c_str());
        result_ = *r;
        rows_ = report::buildLayerRows(*result_);
        QVERIFY(result_->rangeInsight);
        QVERIFY(result_->rangeInsight->weights.size() >= 2);
    }

    // Axis labels of the per-layer charts: exporters' repeated scopes and the op part go first,
    // leading scopes shrink to initial and number, so the label still tells layers apart.
    void layerLabelsKeepWhatTellsLayersApart() {
        using report::shortLayerLabel;
        QCOMPARE(shortLayerLabel(QStringLiteral("/conv1/Conv"), 16), QStringLiteral("/conv1/Conv"));  // fits: whole
        QCOMPARE(shortLayerLabel(QStringLiteral("/layer3/layer3.1/conv2/Conv"), 20), QStringLiteral("layer3.1/conv2"));
        QCOMPARE(shortLayerLabel(QStringLiteral("/layer3/layer3.1/conv2/Conv"), 12), QStringLiteral("l3.1/conv2"));
        QCOMPARE(shortLayerLabel(QStringLiteral("/features/features.2/conv/conv.0/conv.0.0/Conv"), 16), QStringLiteral("f.2/conv.0.0"));
        QCOMPARE(shortLayerLabel(QStringLiteral("/layer2/layer2.0/downsample/downsample.0/Conv"), 16), QStringLiteral("l2.0/downsample.0").right(12));
        QCOMPARE(shortLayerLabel(QStringLiteral("/features/denseblock2/denselayer12/conv1/Conv"), 14), QStringLiteral("d2/d12/conv1"));
        // labels that would collide keep their op part and shrunk scopes instead
        const QStringList names = {QStringLiteral("/layer2/layer2.0/downsample/downsample.0/Conv"), QStringLiteral("/layer3/layer3.0/downsample/downsample.0/Conv"),
                                   QStringLiteral("/layer1/layer1.0/Add"), QStringLiteral("/layer1/layer1.0/Add_1"), QStringLiteral("/layer1/layer1.0/conv1/Conv")};
        const QStringList labels = report::shortLayerLabels(names, 16);
        QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), labels.size());
        QCOMPARE(labels[4], QStringLiteral("layer1.0/conv1"));
        for (const QString& l : labels) QVERIFY2(l.size() <= 16, qPrintable(l));
        const QString one = shortLayerLabel(QStringLiteral("a_single_very_long_layer_name_without_scopes"), 16);
        QCOMPARE(one.size(), 16);
        QVERIFY(one.contains(QStringLiteral("…")));
    }

    void histogramFollowsTheSelectedLayer() {
        gui::ChartsPanel panel;
        panel.resize(1100, 520);
        panel.setResult(result_);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const int page = pageOf(panel, report::ChartKind::ActivationHistogram);
        QVERIFY(page >= 0);
        const auto& in = *result_->rangeInsight;
        for (size_t w : {size_t(0), in.weights.size() - 1}) {
            const ir::NodeId node = in.weights[w].node;
            panel.setSelectedNode(node);
            settle(panel, page);
            const session::ActivationHistogram* a = in.activationOf(node);
            QVERIFY(a);
            QVERIFY2(panel.currentCaption().contains(QString::fromStdString(a->producerName).toHtmlEscaped()), qPrintable(panel.currentCaption()));
            QCustomPlot* plot = panel.plot(page);
            const auto bars = plottables<QCPBars>(plot);
            QCOMPARE(int(bars.size()), 1);
            double sum = 0, tallest = 0, tallestKey = 0;
            for (auto it = bars[0]->data()->begin(); it != bars[0]->data()->end(); ++it) {
                sum += it->value;
                if (it->value > tallest) tallest = it->value, tallestKey = it->key;
            }
            QCOMPARE(qulonglong(sum), qulonglong(a->count));   // every calibration value in a bin
            // one legend entry for the values, one per method and the plan's range
            QCOMPARE(legendEntries(plot), 1 + 4 + (a->used ? 1 : 0));
            QVERIFY2(plot->legend->layout() != plot->axisRect()->insetLayout(), "the legend sits above the plot, not on the range lines");
            int lines = 0;
            for (int i = 0; i < plot->itemCount(); ++i) lines += qobject_cast<QCPItemStraightLine*>(plot->item(i)) != nullptr;
            QVERIFY2(lines >= 4, "a line for at least the upper end of every method");
            QVERIFY(plot->yAxis->scaleType() == QCPAxis::stLogarithmic);
            // the tooltip of the tallest bin gives its count
            report::ChartBinding binding = report::drawChart(*plot, report::ChartKind::ActivationHistogram, *result_, rows_, {report::LayerOrder::Execution, false, node});
            plot->xAxis->setRange(tallestKey - 20 * a->binWidth, tallestKey + 20 * a->binWidth);  // bins some pixels wide
            plot->replot(QCustomPlot::rpImmediateRefresh);
            const QPointF at(plot->xAxis->coordToPixel(tallestKey), plot->yAxis->coordToPixel(std::sqrt(tallest)));
            const report::ChartHit* hit = report::chartHitAt(*plot, binding, at);
            QVERIFY(hit);
            QVERIFY2(hit->tip.contains(QLocale().toString(qulonglong(tallest))), qPrintable(hit->tip));
        }
        const QByteArray svg = panel.currentSvg();
        QVERIFY(svg.contains("entropy") && svg.contains("MSE"));
        QVERIFY(panel.currentPng().startsWith("\x89PNG"));
    }

    void weightChannelsShowEveryChannel() {
        gui::ChartsPanel panel;
        panel.resize(1100, 520);
        panel.setResult(result_);
        const int page = pageOf(panel, report::ChartKind::WeightChannels);
        QVERIFY(page >= 0);
        const session::WeightChannels& w = result_->rangeInsight->weights[1];
        panel.setSelectedNode(w.node);
        QCustomPlot* plot = panel.plot(page);
        const auto bars = plottables<QCPBars>(plot);
        QCOMPARE(int(bars.size()), 2);  // max and min per channel
        QCOMPARE(bars[0]->dataCount(), int(w.min.size()));
        const auto graphs = plottables<QCPGraph>(plot);
        QVERIFY(graphs.size() >= 3);
        // the per-channel limit is max |w| of the channel, the dashed line the tensor's
        auto near = [](double a, double b) { return std::fabs(a - b) <= 1e-6 * std::max(std::fabs(a), std::fabs(b)); };
        QCOMPARE(graphs[0]->dataCount(), int(w.min.size()));
        for (int c = 0; c < graphs[0]->dataCount(); ++c)
            QVERIFY(near(graphs[0]->data()->at(c)->value, std::max(std::fabs(w.min[size_t(c)]), std::fabs(w.max[size_t(c)]))));
        double widest = 0;
        for (size_t c = 0; c < w.min.size(); ++c) widest = std::max(widest, double(std::max(std::fabs(w.min[c]), std::fabs(w.max[c]))));
        QVERIFY(near(graphs[2]->data()->at(0)->value, widest));
        panel.setOrder(report::LayerOrder::Sorted);
        QVERIFY(near(plottables<QCPGraph>(plot)[0]->data()->at(0)->value, widest));
        panel.setCurrentIndex(page);
        QVERIFY2(panel.currentCaption().contains(QString::fromStdString(w.name).toHtmlEscaped()), qPrintable(panel.currentCaption()));
        QVERIFY(panel.currentSvg().contains("per-tensor"));
    }

    void memoryCurveIsThePlanAndClickSelectsTheStep() {
        gui::ChartsPanel panel;
        panel.resize(1100, 520);
        panel.setResult(result_);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const int page = pageOf(panel, report::ChartKind::MemoryTimeline);
        QVERIFY(page >= 0);
        settle(panel, page);
        QCustomPlot* plot = panel.plot(page);
        const auto* int8 = result_->find(runtime::Precision::Int8);
        const auto& live = int8->profile.memory->liveBytesPerStep;
        QCPGraph* curve = nullptr;
        for (QCPGraph* g : plottables<QCPGraph>(plot))
            if (g->name().startsWith(QStringLiteral("INT8")) && g->dataCount() == int(live.size())) curve = g;
        QVERIFY(curve);
        double peak = 0;
        for (int k = 0; k < curve->dataCount(); ++k) peak = std::max(peak, curve->data()->at(k)->value);
        QCOMPARE(qint64(std::llround(peak * (1 << 20))), qint64(int8->profile.memory->livenessLowerBound));
        // a step of a graph node where the INT8 curve is the plottable under the mouse
        QPoint at;
        ir::NodeId node;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     plot->replot(QCustomPlot::rpImmediateRefresh);
                                     for (size_t k = 0; k < live.size(); ++k) {
                                         if (!int8->profile.layers[k].step.node.valid()) continue;
                                         at = QPoint(int(plot->xAxis->coordToPixel(double(k))), int(plot->yAxis->coordToPixel(double(live[k]) / (1 << 20))));
                                         if (plot->plottableAt(at, false) == curve) return (node = int8->profile.layers[k].step.node).valid();
                                     }
                                     return false;
                                 }()),
                                 5000);
        QSignalSpy spy(&panel, &gui::ChartsPanel::nodeClicked);
        QTest::mouseClick(plot, Qt::LeftButton, {}, at);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.front().front().toInt(), node.v);
        QVERIFY(panel.currentPng().startsWith("\x89PNG"));
        QVERIFY(panel.currentSvg().contains("liveness"));
    }

    void diagnosisBarsAreSortedAndTranslated() {
        const report::Int8Diagnosis d = report::diagnoseInt8(*result_);
        QVERIFY(d.available);
        gui::ChartsPanel panel;
        panel.resize(1100, 520);
        panel.setResult(result_);
        const int page = pageOf(panel, report::ChartKind::Int8Causes);
        QVERIFY(page >= 0);
        const auto bars = plottables<QCPBars>(panel.plot(page));
        int costly = 0;
        for (const auto& c : d.causes) costly += c.ms > 0;
        QCOMPARE(int(bars.size()), costly + 1);  // and the int8 kernels themselves
        for (size_t k = 2; k < bars.size(); ++k) QVERIFY(bars[k]->data()->at(0)->value >= bars[k - 1]->data()->at(0)->value);
        // German: every cause reads differently from English, and not like core's English text
        QTranslator de;
        QVERIFY(de.load(QStringLiteral(":/i18n/quantlens_de.qm")));
        QStringList english;
        for (const auto& c : d.causes) english << report::causeTitle(c) << report::causeText(c, d) << report::causeFix(c);
        english << report::diagnosisHeadline(d);
        QCoreApplication::installTranslator(&de);
        QStringList german;
        for (const auto& c : d.causes) german << report::causeTitle(c) << report::causeText(c, d) << report::causeFix(c);
        german << report::diagnosisHeadline(d);
        QCoreApplication::removeTranslator(&de);
        QCOMPARE(german.size(), english.size());
        for (int i = 0; i < german.size(); ++i)
            if (!english[i].startsWith(QStringLiteral("--"))) QVERIFY2(german[i] != english[i], qPrintable(english[i]));  // options stay options
        // a click on a cause with nodes selects its most expensive node
        panel.resize(1100, 520);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        settle(panel, page);
        QCustomPlot* plot = panel.plot(page);
        const auto drawn = plottables<QCPBars>(plot);
        int clicked = 0;
        for (size_t k = 1; k < drawn.size(); ++k) {
            const DiagnosisCause* c = nullptr;
            int seen = 0;
            for (auto it = d.causes.rbegin(); it != d.causes.rend(); ++it)  // bars: smallest cost first
                if (it->ms > 0 && ++seen == int(k)) c = &*it;
            QVERIFY(c);
            if (c->nodes.empty()) continue;
            ir::NodeId want;
            for (const auto& r : rows_)
                if (r.node.valid() && r.name == QString::fromStdString(c->nodes.front())) want = r.node;
            if (!want.valid()) continue;  // an inserted step: nothing to select
            const double value = drawn[k]->data()->at(0)->value;
            if (plot->xAxis->coordToPixel(value) - plot->xAxis->coordToPixel(0) < 4) continue;  // too thin to click reliably
            const QPoint at(int(plot->xAxis->coordToPixel(value / 2)), int(plot->yAxis->coordToPixel(double(k))));
            QSignalSpy spy(&panel, &gui::ChartsPanel::nodeClicked);
            QTest::mouseClick(plot, Qt::LeftButton, {}, at);
            QCOMPARE(spy.size(), 1);
            QCOMPARE(spy.front().front().toInt(), want.v);
            ++clicked;
        }
        QVERIFY2(clicked > 0, "the run has a cause naming a graph node (memory-bound layers)");
        QVERIFY(panel.currentPng().startsWith("\x89PNG"));
    }

    void reportEmbedsThePerLayerChartsForTheWorstLayers() {
        report::ReportInput in;
        in.result = result_;
        const QString html = report::reportHtml(in);
        const auto nodes = report::reportInsightNodes(*result_, 3);
        QVERIFY(!nodes.empty());
        // the worst propagated SQNR among the layers with weights comes first
        const auto worst = result_->comparison->worstPropagated(result_->comparison->layers.size());
        for (const auto* c : worst)
            if (result_->rangeInsight->weightsOf(ir::NodeId{int32_t(c->node)})) {
                QCOMPARE(nodes.front().v, int32_t(c->node));
                break;
            }
        for (ir::NodeId n : nodes) {
            QVERIFY(html.contains(QStringLiteral("id='activation-histogram-%1'").arg(n.v)));
            QVERIFY(html.contains(QStringLiteral("id='weight-channels-%1'").arg(n.v)));
        }
        QVERIFY(html.contains(QStringLiteral("id='memory-timeline'")));
        QVERIFY(html.contains(QStringLiteral("id='int8-causes'")));
        const auto charts = report::availableCharts(*result_);
        QCOMPARE(html.count(QStringLiteral("src='data:image/png;base64,")), int(charts.size()) - 2 + 2 * int(nodes.size()));
        QVERIFY(html.contains(report::diagnosisSummary(report::diagnoseInt8(*result_)).toHtmlEscaped()));
    }
};

QTEST_MAIN(InsightChartsTest)
#include "insight_charts_test.moc"
