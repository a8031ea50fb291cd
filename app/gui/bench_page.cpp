#include "app/gui/bench_page.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <qcustomplot.h>
#include <set>

#include "app/gui/bench_table_model.h"
#include "app/gui/language.h"
#include "app/report/bench_charts.h"
#include "core/bench/bench_run.h"

namespace ql::gui {

BenchPage::BenchPage(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    auto* open = new QPushButton(this);
    open->setObjectName(QStringLiteral("benchOpen"));
    top->addWidget(open);
    header_ = new QLabel(this);
    header_->setObjectName(QStringLiteral("benchHeader"));
    header_->setWordWrap(true);
    header_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addWidget(header_, 1);
    layout->addLayout(top);
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("benchError"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color:#b00020"));
    error_->hide();
    layout->addWidget(error_);

    auto* filters = new QHBoxLayout;
    auto* modelLabel = new QLabel(this);
    auto* precisionLabel = new QLabel(this);
    auto* batchLabel = new QLabel(this);
    auto* chartLabel = new QLabel(this);
    modelBox_ = new QComboBox(this);
    precisionBox_ = new QComboBox(this);
    batchBox_ = new QComboBox(this);
    chartBox_ = new QComboBox(this);
    modelBox_->setObjectName(QStringLiteral("benchModel"));
    precisionBox_->setObjectName(QStringLiteral("benchPrecision"));
    batchBox_->setObjectName(QStringLiteral("benchBatch"));
    chartBox_->setObjectName(QStringLiteral("benchChart"));
    for (auto [label, box] : {std::pair{modelLabel, modelBox_}, {precisionLabel, precisionBox_}, {batchLabel, batchBox_}, {chartLabel, chartBox_}}) {
        filters->addWidget(label);
        filters->addWidget(box);
    }
    filters->addStretch(1);
    layout->addLayout(filters);

    auto* split = new QSplitter(Qt::Vertical, this);
    model_ = new BenchTableModel(this);
    filter_ = new BenchFilterModel(this);
    filter_->setSourceModel(model_);
    filter_->setSortRole(BenchTableModel::SortRole);
    table_ = new QTableView(split);
    table_->setObjectName(QStringLiteral("benchTable"));
    table_->setModel(filter_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(-1, Qt::AscendingOrder);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->verticalHeader()->hide();
    table_->setAlternatingRowColors(true);
    plot_ = new QCustomPlot(split);
    plot_->setObjectName(QStringLiteral("benchPlot"));
    plot_->setMinimumHeight(240);
    split->addWidget(table_);
    split->addWidget(plot_);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(open, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a benchmark folder"), folder_);
        if (!dir.isEmpty()) openFolder(dir);
    });
    for (QComboBox* box : {modelBox_, precisionBox_, batchBox_})
        connect(box, &QComboBox::currentIndexChanged, this, [this] { applyFilter(); });
    connect(chartBox_, &QComboBox::currentIndexChanged, this, [this] { redrawChart(); });
    onLanguageChange(this, [=, this] {
        open->setText(tr("Open benchmark..."));
        modelLabel->setText(tr("Model:"));
        precisionLabel->setText(tr("Precision:"));
        batchLabel->setText(tr("Batch:"));
        chartLabel->setText(tr("Plot:"));
        const int chart = std::max(0, chartBox_->currentIndex());
        const QSignalBlocker block(chartBox_);
        chartBox_->clear();
        for (const auto& c : report::benchCharts()) chartBox_->addItem(c.title);
        chartBox_->setCurrentIndex(chart);
        fillFilters();
        if (!run_) header_->setText(tr("No benchmark open. Run `quantlens-cli bench ... --out DIR`, then open DIR here."));
        redrawChart();
    });
}

QString BenchPage::errorText() const { return error_->isHidden() ? QString() : error_->text(); }

bool BenchPage::openFolder(const QString& dir) {
    auto run = bench::readBenchRun(dir.toStdString());
    if (!run) {
        error_->setText(QString::fromStdString(run.status().message()));
        error_->show();
        return false;
    }
    error_->hide();
    folder_ = dir;
    run_ = std::make_shared<const bench::BenchRun>(std::move(run).value());
    analysis_ = std::make_shared<const bench::BenchAnalysis>(bench::analyze(*run_));
    model_->setAnalysis(analysis_);
    fillFilters();
    applyFilter();
    return true;
}

void BenchPage::fillFilters() {
    if (!run_) return;
    const bench::BenchRun& r = *run_;
    QString shards;
    for (const auto& s : r.shards) shards += (shards.isEmpty() ? QString() : QStringLiteral(", ")) + QString::fromStdString(s.text());
    header_->setText(tr("<b>%1</b><br>%2, oneDNN ISA %3%4, oneDNN %5, quantlens %6<br>%7 trials per configuration (fresh processes), %8 warm-up "
                        "+ %9 timed runs each; shards %10%11. Intervals: 95% two-level bootstrap; p: Welch's t on log trial medians, "
                        "Holm-corrected.")
                         .arg(folder_.toHtmlEscaped(), QString::fromStdString(r.machine.cpuModel).toHtmlEscaped(), QString::fromStdString(r.machine.isa),
                              r.machine.vnni ? tr(" (VNNI)") : tr(" (no VNNI)"), QString::fromStdString(r.machine.onednn),
                              QString::fromStdString(r.machine.quantlens))
                         .arg(r.spec.trials)
                         .arg(r.spec.warmup)
                         .arg(r.spec.repeat)
                         .arg(shards, r.complete ? QString() : tr(" — incomplete")));
    std::set<QString> models;
    std::set<qint64> batches;
    for (const auto& s : analysis_->configs) {
        models.insert(QString::fromStdString(s.config.modelName));
        batches.insert(s.config.batch);
    }
    auto refill = [](QComboBox* box, const QString& all, const QStringList& items) {
        const QString keep = box->currentIndex() > 0 ? box->currentText() : QString();
        const QSignalBlocker block(box);
        box->clear();
        box->addItem(all);
        box->addItems(items);
        const int i = box->findText(keep);
        box->setCurrentIndex(i > 0 ? i : 0);
    };
    QStringList batchItems;
    for (qint64 b : batches) batchItems << QString::number(b);
    refill(modelBox_, tr("all"), QStringList(models.begin(), models.end()));
    refill(precisionBox_, tr("all"), {QStringLiteral("fp32"), QStringLiteral("int8")});
    refill(batchBox_, tr("all"), batchItems);
}

void BenchPage::applyFilter() {
    filter_->setFilter(modelBox_->currentIndex() > 0 ? modelBox_->currentText() : QString(),
                       precisionBox_->currentIndex() > 0 ? precisionBox_->currentText() : QString(),
                       batchBox_->currentIndex() > 0 ? batchBox_->currentText().toLongLong() : 0);
    redrawChart();
}

void BenchPage::setFilter(const QString& model, const QString& precision, qint64 batch) {
    for (auto [box, text] : {std::pair{modelBox_, model}, {precisionBox_, precision}, {batchBox_, batch ? QString::number(batch) : QString()}}) {
        const QSignalBlocker block(box);
        const int i = text.isEmpty() ? 0 : box->findText(text);
        box->setCurrentIndex(std::max(0, i));
    }
    applyFilter();
}

void BenchPage::setChart(int index) { chartBox_->setCurrentIndex(index); }

int BenchPage::visibleRows() const { return filter_->rowCount(); }

void BenchPage::redrawChart() {
    if (!analysis_) {
        plot_->clearPlottables();
        plot_->replot();
        return;
    }
    const auto charts = report::benchCharts();
    const int i = std::clamp(chartBox_->currentIndex(), 0, int(charts.size()) - 1);
    std::vector<bool> keep;
    for (const auto& s : analysis_->configs) keep.push_back(filter_->accepts(s.config));
    report::drawBenchChart(*plot_, charts[size_t(i)].kind, *analysis_, false, keep);
}

}  // namespace ql::gui
