// The report library (app/report) on a real run of the bundled model, offscreen: the HTML report
// lists every layer and embeds every chart with no external link or script; the PDF is a PDF;
// a chart's SVG is well-formed XML naming its series; the table's CSV/JSON round-trip the row
// count; writes never replace a file unless told to; `quantlens-cli profile --report` works with
// no platform set; clicking a bar in the Charts tab selects its node.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>
#include <qcustomplot.h>

#include "app/gui/charts_panel.h"
#include "app/report/charts.h"
#include "app/report/html_report.h"
#include "app/report/safe_write.h"
#include "app/report/table_export.h"
#include "core/session/inputs.h"
#include "core/session/session.h"
#include "core/session/workflows.h"

using namespace ql;

namespace {
const QString kModel = QStringLiteral(QL_RESOURCE_DIR "/models/fashion_resnet.onnx");

// Splits one CSV line with RFC 4180 quotes.
QStringList csvFields(const QString& line) {
    QStringList out;
    QString cur;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) cur += c, ++i;
            else if (c == QLatin1Char('"')) quoted = false;
            else cur += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            out << cur, cur.clear();
        } else {
            cur += c;
        }
    }
    out << cur;
    return out;
}
}  // namespace

class ReportTest : public QObject {
    Q_OBJECT
    session::RunResultPtr result_;
    std::vector<report::LayerRow> rows_;
    QTemporaryDir dir_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        auto s = session::Session::open(kModel.toStdString(), {1, {}, {}});
        QVERIFY2(s, s ? "" : s.status().message().c_str());
        auto inputs = session::completeWithRandom(*(*s)->original(), {}, 0);
        QVERIFY(inputs);
        session::RunConfig config;
        config.warmup = 1;
        config.repeat = 3;
        auto r = session::profileModel(**s, config, {*inputs, false, /*compareLayers=*/true});
        QVERIFY2(r, r ? "" : r.status().message().c_str());
        result_ = *r;
        rows_ = report::buildLayerRows(*result_);
        QVERIFY(rows_.size() >= 10);
    }

    void htmlListsEveryLayerAndEmbedsTheCharts() {
        report::ReportInput in;
        in.result = result_;
        const QString html = report::reportHtml(in);
        for (const auto& row : rows_) QVERIFY2(html.contains(row.name.toHtmlEscaped()), qPrintable(row.name));
        const auto charts = report::availableCharts(*result_);
        QCOMPARE(int(charts.size()), 8);   // both precisions ran with memory stats and live bytes per step, layers compared
        QVERIFY(html.contains(QStringLiteral("id='layer-sqnr'")));
        int withError = 0;
        for (const auto& row : rows_) withError += row.error != nullptr;
        QVERIFY2(withError >= 10, "every compared layer's row carries its SQNR");
        QCOMPARE(html.count(QStringLiteral("src='data:image/png;base64,")), int(charts.size()));
        for (const auto& c : charts) QVERIFY(html.contains(QStringLiteral("id='%1'").arg(c.id)));
        QVERIFY(!html.contains(QStringLiteral("http://")));
        QVERIFY(!html.contains(QStringLiteral("https://")));
        QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
        QVERIFY(html.contains(QString::fromStdString(result_->cpu.onednnVersion)));
        // the INT8 plan's inserted steps, as the profile counts them (the FP32 plan's are rows too)
        int int8Inserted = 0;
        for (const auto& l : result_->find(runtime::Precision::Int8)->profile.layers) int8Inserted += l.step.inserted;
        QVERIFY(html.contains(QStringLiteral("Steps the INT8 plan inserted</th><td>%1<").arg(int8Inserted)));
    }

    // A busy machine's timings are flagged in the report as the CLI flags them; a quiet one's not.
    void aHighLoadAverageIsWarnedAbout() {
        auto busy = std::make_shared<session::RunResult>(*result_);
        busy->loadAverage = double(busy->cpu.threads) + 3.0;
        report::ReportInput in;
        in.result = busy;
        QVERIFY(report::reportHtml(in).contains(QStringLiteral("timings are not trustworthy")));
        busy->loadAverage = 0.2;
        in.result = busy;
        const QString quiet = report::reportHtml(in);
        QVERIFY(!quiet.contains(QStringLiteral("timings are not trustworthy")));
        QVERIFY(quiet.contains(QStringLiteral("Load average (1 minute) after the run</th><td>0.2<")));
    }

    // Bar charts keep their legend in a strip above the plot, never over the bars, and redrawing
    // the same plot (as the app does for every run and every chart kind) leaves one strip.
    void legendsSitAboveTheBarsAndRedrawsDoNotStackThem() {
        QCustomPlot plot;
        plot.resize(900, 400);
        int rows = -1;
        for (report::ChartKind kind : {report::ChartKind::LayerLatency, report::ChartKind::LayerSqnr, report::ChartKind::LayerLatency,
                                       report::ChartKind::ActivationHistogram, report::ChartKind::LayerSpeedUp}) {
            report::ChartOptions o;
            o.node = report::defaultInsightNode(*result_, kind);
            report::drawChart(plot, kind, *result_, rows_, o);
            plot.replot(QCustomPlot::rpImmediateRefresh);
            if (kind == report::ChartKind::ActivationHistogram) continue;  // its legend sits in headroom it makes
            QVERIFY(plot.legend->visible());
            QVERIFY2(!plot.legend->outerRect().intersects(plot.axisRect()->rect()), qPrintable(report::chartInfo(kind).id));
            if (rows < 0) rows = plot.plotLayout()->rowCount();
            QCOMPARE(plot.plotLayout()->rowCount(), rows);
        }
    }

    // A legend wider than the plot wraps into rows instead of cutting its entries off.
    void aLegendWiderThanThePlotWraps() {
        QCustomPlot plot;
        plot.resize(420, 400);
        report::drawChart(plot, report::ChartKind::MemoryTimeline, *result_, rows_, {});
        plot.replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY(plot.legend->visible());
        QVERIFY(plot.legend->itemCount() >= 4);
        QVERIFY(plot.legend->rowCount() > 1);
        for (int i = 0; i < plot.legend->itemCount(); ++i)
            if (plot.legend->item(i)) QVERIFY2(plot.legend->item(i)->outerRect().right() <= plot.width(), qPrintable(QString::number(i)));
    }

    void pdfIsWritten() {
        report::ReportInput in;
        in.result = result_;
        const QString path = dir_.filePath(QStringLiteral("r.pdf"));
        QCOMPARE(report::writeReport(in, path, report::Overwrite::Refuse), QString());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.size() > 20000);
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        // charts share pages while they fit: one page per chart left most of each page empty and
        // took 13 pages for these 8 charts, text and table; two per page take 9
        const qsizetype pages = bytes.count("/Type /Page\n"), images = bytes.count("/Subtype /Image");
        QVERIFY2(images > 4 && pages <= images + 1, qPrintable(QStringLiteral("%1 pages, %2 images").arg(pages).arg(images)));
    }

    void chartSvgIsXmlWithTheSeries() {
        const QByteArray svg = report::renderChartSvg(report::ChartKind::LayerLatency, *result_, rows_, {900, 460});
        QXmlStreamReader xml(svg);
        QStringList texts;
        int shapes = 0;
        bool sawSvg = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                sawSvg |= xml.name() == QLatin1String("svg");
                if (xml.name() == QLatin1String("text")) texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
                else if (xml.name() == QLatin1String("path") || xml.name() == QLatin1String("rect") || xml.name() == QLatin1String("polygon")) ++shapes;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(sawSvg);
        QVERIFY2(texts.contains(QStringLiteral("FP32")) && texts.contains(QStringLiteral("INT8")), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.contains(QStringLiteral("/layer1/conv1/Conv")));
        QVERIFY(shapes >= int(rows_.size()));
    }

    void tableRoundTrips() {
        const QStringList lines = QString::fromUtf8(report::layerTableCsv(rows_)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), int(rows_.size()) + 1);
        const int columns = int(report::layerTableColumns().size());
        for (const QString& l : lines) QCOMPARE(csvFields(l).size(), columns);
        QCOMPARE(csvFields(lines[1]).front(), rows_.front().name);
        const QJsonObject json = QJsonDocument::fromJson(report::layerTableJson(rows_)).object();
        QCOMPARE(json.value(QStringLiteral("rows")).toArray().size(), qsizetype(rows_.size()));
        QCOMPARE(json.value(QStringLiteral("rows")).toArray().last().toObject().value(QStringLiteral("layer")).toString(), rows_.back().name);
    }

    void writesNeverReplaceSilently() {
        const QString path = dir_.filePath(QStringLiteral("t.csv"));
        QCOMPARE(report::writeFileSafely(path, "one", report::Overwrite::Refuse), QString());
        QVERIFY(report::writeFileSafely(path, "two", report::Overwrite::Refuse).contains(QStringLiteral("exists")));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("one"));
        f.close();
        QCOMPARE(report::writeFileSafely(path, "two", report::Overwrite::Replace), QString());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("two"));
        report::ReportInput in;
        in.result = result_;
        QVERIFY(!report::writeReport(in, path, report::Overwrite::Refuse).isEmpty());
        QVERIFY(QDir(dir_.path()).entryList(QDir::Files).size() <= 2);   // no temporaries left behind
    }

    void cliWritesTheReportWithoutADisplay() {
        const QString path = dir_.filePath(QStringLiteral("cli.html"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        auto run = [&](QStringList extra) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(QL_CLI_PATH), QStringList{QStringLiteral("profile"), kModel, QStringLiteral("--repeat"), QStringLiteral("2"),
                                                             QStringLiteral("--report"), path} + extra);
            p.waitForFinished(120000);
            return std::pair{p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
        };
        auto [code, err] = run({});
        QVERIFY2(code == 0, qPrintable(err));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray html = f.readAll();
        QVERIFY(html.contains("data:image/png;base64,"));
        QVERIFY(html.contains("/layer3/conv2/Conv"));
        f.close();
        auto [again, againErr] = run({});
        QCOMPARE(again, 2);
        QVERIFY(againErr.contains(QStringLiteral("--force")));
        auto [forced, forcedErr] = run({QStringLiteral("--force")});
        QVERIFY2(forced == 0, qPrintable(forcedErr));
    }

    void clickingABarSelectsItsNode() {
        gui::ChartsPanel panel;
        panel.resize(1000, 500);
        panel.setResult(result_);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.chartKind(0), report::ChartKind::LayerLatency);
        QCustomPlot* plot = panel.plot(0);
        // Let pending layout and resize events settle first: pixel positions computed before a
        // late resize would point beside the bars (seen under load).
        QCoreApplication::processEvents();
        QTest::qWait(50);
        plot->replot(QCustomPlot::rpImmediateRefresh);
        // The tallest FP32 bar (inserted steps have none): a short bar can be under a pixel high
        // when another layer's timing is noisy, and a click on it would land on the axis.
        int key = -1;
        for (size_t i = 0; i < rows_.size(); ++i)
            if (rows_[i].fp32 && rows_[i].node.valid() && (key < 0 || rows_[i].fp32->ms.median > rows_[size_t(key)].fp32->ms.median)) key = int(i);
        QVERIFY(key >= 0);
        // Click where the bar is once the layout has settled: under load the panel's last resize
        // (and the axis rect that moves with the rotated tick labels) can come late, between
        // computing the pixel and the click, so recompute and click again until a click lands.
        QSignalSpy spy(&panel, &gui::ChartsPanel::nodeClicked);
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     plot->replot(QCustomPlot::rpImmediateRefresh);
                                     const QPoint at(int(plot->xAxis->coordToPixel(key - 0.2)),
                                                     int(plot->yAxis->coordToPixel(rows_[size_t(key)].fp32->ms.median / 2)));
                                     if (plot->plottableAt(at, false) == nullptr) return false;
                                     QTest::mouseClick(plot, Qt::LeftButton, {}, at);
                                     return !spy.isEmpty();
                                 }()),
                                 5000);
        QCOMPARE(spy.back().front().toInt(), rows_[size_t(key)].node.v);
        QVERIFY(!panel.currentSvg().isEmpty());
        QVERIFY(panel.currentPng().startsWith("\x89PNG"));
    }
};

QTEST_MAIN(ReportTest)
#include "report_test.moc"
