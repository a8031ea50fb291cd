#include "app/gui/charts_panel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "app/gui/language.h"

namespace ql::gui {

ChartsPanel::ChartsPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 0);
    auto* bar = new QHBoxLayout;
    auto* orderLabel = new QLabel(this);
    bar->addWidget(orderLabel);
    order_ = new QComboBox(this);
    order_->setObjectName(QStringLiteral("chartOrder"));
    order_->addItems({QString(), QString()});
    bar->addWidget(order_);
    bar->addStretch(1);
    pngButton_ = new QToolButton(this);

    svgButton_ = new QToolButton(this);

    bar->addWidget(pngButton_);
    bar->addWidget(svgButton_);
    layout->addLayout(bar);
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("chartTabs"));
    tabs_->setDocumentMode(true);
    layout->addWidget(tabs_, 1);
    // under the chart at the panel's full width: a long caption wraps into a few lines, not many
    caption_ = new QLabel(this);
    caption_->setWordWrap(true);
    caption_->setStyleSheet(QStringLiteral("color:#555"));
    layout->addWidget(caption_);
    empty_ = new QLabel(this);
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    layout->addWidget(empty_, 1);
    tabs_->hide();
    relabel_ = new QTimer(this);
    relabel_->setSingleShot(true);
    relabel_->setInterval(150);
    connect(relabel_, &QTimer::timeout, this, [this] { relabelCurrent(); });
    connect(order_, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    connect(tabs_, &QTabWidget::currentChanged, this, [this] {
        updateCaption();
        relabel_->start();  // a page not shown before was drawn at a guessed size
    });
    connect(pngButton_, &QToolButton::clicked, this, [this] { emit exportRequested(false); });
    connect(svgButton_, &QToolButton::clicked, this, [this] { emit exportRequested(true); });
    pngButton_->setEnabled(false);
    svgButton_->setEnabled(false);
    // Texts now and on every language change; the charts (titles, axes, legends) are redrawn.
    onLanguageChange(this, [this, orderLabel] {
        orderLabel->setText(tr("Layers:"));
        order_->setItemText(0, tr("execution order"));
        order_->setItemText(1, tr("sorted (slowest / lowest speed-up first)"));
        pngButton_->setText(tr("Export PNG..."));
        svgButton_->setText(tr("Export SVG..."));
        empty_->setText(tr("Run FP32 vs INT8 (Ctrl+R) to see per-layer latency, speed-up and error, where the INT8 time goes and why, "
                           "the whole-model latency spread, memory over the steps, and the selected layer's activation histogram "
                           "with every calibration method's range and its per-channel weight ranges."));
        if (result_) setResult(result_);
    });
}

void ChartsPanel::setResult(session::RunResultPtr result) {
    const int previous = tabs_->currentIndex();
    result_ = std::move(result);
    rows_ = result_ ? report::buildLayerRows(*result_) : std::vector<report::LayerRow>{};
    while (tabs_->count()) {
        QWidget* w = tabs_->widget(0);
        tabs_->removeTab(0);
        delete w;
    }
    pages_.clear();
    if (result_) {
        for (const report::ChartInfo& info : report::availableCharts(*result_)) {
            auto* plot = new QCustomPlot(tabs_);
            plot->setObjectName(info.id);
            plot->setMouseTracking(true);
            // A floor for the plot: the width keeps a legend strip's hint (every entry in one row)
            // from widening the window; the height stays below what the results dock leaves it at
            // 1440x900 (at 240 px the tab clipped the plot's bottom: the x labels went missing
            // under the caption), and labelCharsFor shortens rotated names to fit a short plot.
            plot->setMinimumSize(240, 150);
            const size_t index = pages_.size();
            pages_.push_back({info.kind, plot, {}});
            tabs_->addTab(plot, info.title);
            connect(plot, &QCustomPlot::mouseMove, this, [this, index](QMouseEvent* e) {
                const Page& p = pages_[index];
                const report::ChartHit* hit = report::chartHitAt(*p.plot, p.binding, e->position());
                if (hit) QToolTip::showText(e->globalPosition().toPoint(), hit->tip, p.plot);
                else QToolTip::hideText();
            });
            connect(plot, &QCustomPlot::mousePress, this, [this, index](QMouseEvent* e) {
                const Page& p = pages_[index];
                if (const report::ChartHit* hit = report::chartHitAt(*p.plot, p.binding, e->position()); hit && hit->node.valid())
                    emit nodeClicked(hit->node.v);
            });
        }
    }
    tabs_->setVisible(!pages_.empty());
    empty_->setVisible(pages_.empty());
    pngButton_->setEnabled(!pages_.empty());
    svgButton_->setEnabled(!pages_.empty());
    redraw();
    if (previous >= 0 && previous < tabs_->count()) tabs_->setCurrentIndex(previous);
    relabel_->start();  // the plots were drawn before their first layout
}

report::ChartOptions ChartsPanel::optionsFor(report::ChartKind kind, bool title) const {
    report::ChartOptions o;
    o.order = order_->currentIndex() == 1 ? report::LayerOrder::Sorted : report::LayerOrder::Execution;
    o.title = title;
    if (report::isPerLayerChart(kind)) o.node = node_;
    return o;
}

void ChartsPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (result_ && event->oldSize() != event->size()) relabel_->start();
}

void ChartsPanel::drawPage(Page& page) {
    page.binding = report::drawChart(*page.plot, page.kind, *result_, rows_, optionsFor(page.kind, false));
    page.drawnSize = page.plot->size();
}

void ChartsPanel::redraw() {
    for (Page& p : pages_) drawPage(p);
    updateCaption();
}

void ChartsPanel::relabelCurrent() {
    const int i = tabs_->currentIndex();
    if (!result_ || i < 0 || size_t(i) >= pages_.size() || pages_[size_t(i)].plot->size() == pages_[size_t(i)].drawnSize) return;
    drawPage(pages_[size_t(i)]);
    updateCaption();
}

void ChartsPanel::setSelectedNode(ir::NodeId node) {
    if (node == node_) return;
    node_ = node;
    if (!result_) return;
    for (Page& p : pages_)
        if (report::isPerLayerChart(p.kind)) drawPage(p);
    updateCaption();
}

QString ChartsPanel::currentCaption() const { return caption_->text(); }

void ChartsPanel::updateCaption() {
    const int i = tabs_->currentIndex();
    if (i < 0 || size_t(i) >= pages_.size()) {
        caption_->setText({});
        return;
    }
    const Page& p = pages_[size_t(i)];
    const report::ChartInfo info = report::chartInfo(p.kind);
    const QString caption = info.hint.isEmpty() ? info.caption : info.caption + QLatin1Char(' ') + info.hint;
    caption_->setText(p.binding.subtitle.isEmpty() ? caption : QStringLiteral("<b>%1</b><br>%2").arg(p.binding.subtitle.toHtmlEscaped(), caption.toHtmlEscaped()));
}

int ChartsPanel::chartCount() const { return int(pages_.size()); }
report::ChartKind ChartsPanel::chartKind(int index) const { return pages_.at(size_t(index)).kind; }
QCustomPlot* ChartsPanel::plot(int index) const { return pages_.at(size_t(index)).plot; }
int ChartsPanel::currentIndex() const { return tabs_->currentIndex(); }
void ChartsPanel::setCurrentIndex(int index) { tabs_->setCurrentIndex(index); }
void ChartsPanel::setOrder(report::LayerOrder order) { order_->setCurrentIndex(order == report::LayerOrder::Sorted ? 1 : 0); }

QString ChartsPanel::currentChartId() const {
    const int i = currentIndex();
    return i >= 0 && size_t(i) < pages_.size() ? report::chartInfo(pages_[size_t(i)].kind).id : QString();
}

// Exports carry the title (the tab names it on screen) at the chart's on-screen size, or the
// report's size when the plot was never laid out.
namespace {
QSize exportSize(QCustomPlot* plot, report::ChartKind kind, size_t rows) {
    const QSize s = plot->size();
    return s.width() >= 300 && s.height() >= 200 ? s : report::preferredChartSize(kind, rows);
}
}  // namespace

QByteArray ChartsPanel::currentPng() const {
    const int i = currentIndex();
    if (i < 0 || size_t(i) >= pages_.size()) return {};
    const Page& p = pages_[size_t(i)];
    const QSize size = exportSize(p.plot, p.kind, rows_.size());
    return report::imagePng(report::renderChartImage(p.kind, *result_, rows_, size, 2.0, optionsFor(p.kind, true)));
}

QByteArray ChartsPanel::currentSvg() const {
    const int i = currentIndex();
    if (i < 0 || size_t(i) >= pages_.size()) return {};
    const Page& p = pages_[size_t(i)];
    return report::renderChartSvg(p.kind, *result_, rows_, exportSize(p.plot, p.kind, rows_.size()), optionsFor(p.kind, true));
}

}  // namespace ql::gui
