#include "app/gui/bench_table_model.h"

#include <QLocale>

namespace ql::gui {

namespace {
QString number(double v, int digits = 3) { return QLocale().toString(v, 'g', digits); }
QString interval(double lo, double hi) { return QStringLiteral("[%1, %2]").arg(number(lo), number(hi)); }
}  // namespace

void BenchTableModel::setAnalysis(std::shared_ptr<const bench::BenchAnalysis> analysis) {
    beginResetModel();
    analysis_ = std::move(analysis);
    endResetModel();
}

int BenchTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !analysis_ ? 0 : int(analysis_->configs.size());
}

int BenchTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

const bench::PairSummary* BenchTableModel::pairOf(size_t config) const {
    for (const auto& p : analysis_->pairs)
        if (p.int8 == config) return &p;
    return nullptr;
}

QVariant BenchTableModel::data(const QModelIndex& index, int role) const {
    if (!analysis_ || !index.isValid() || size_t(index.row()) >= analysis_->configs.size()) return {};
    const bench::ConfigSummary& s = analysis_->configs[size_t(index.row())];
    const bench::BenchConfig& c = s.config;
    const bench::PairSummary* pair = pairOf(size_t(index.row()));
    const double mib = 1 << 20;
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Batch && index.column() != Layout && index.column() != Executor ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                                                 : QVariant();
    if (role == Qt::ToolTipRole && index.column() == PHolm && pair)
        return tr("Welch's t on log trial medians: p = %1 (df %2); Mann-Whitney U on trial medians: p = %3; Holm-corrected over %4 pair(s)")
            .arg(number(pair->welch.p, 4), number(pair->welch.df, 3), number(pair->mannWhitney.p, 4))
            .arg(analysis_->pairs.size());
    if (role != Qt::DisplayRole && role != SortRole) return {};
    const bool sort = role == SortRole;
    switch (index.column()) {
    case Model: return QString::fromStdString(c.modelName);
    case Precision: return QString::fromStdString(c.precision) + (s.sevenBitActivations && !sort ? tr(" (7-bit)") : QString());
    case Batch: return sort ? QVariant(qint64(c.batch)) : QVariant(QString::number(c.batch));
    case Threads: return sort ? QVariant(s.threadsUsed) : QVariant(QString::number(s.threadsUsed));
    case Layout: return QString::fromStdString(c.layout);
    case Executor: return QString::fromStdString(c.executor);
    case Trials: return sort ? QVariant(s.trials) : QVariant(QStringLiteral("%1 × %2").arg(s.trials).arg(s.trials ? s.repeats / s.trials : 0));
    case MsPerImage: return sort ? QVariant(s.msPerImage) : QVariant(number(s.msPerImage));
    case MsCi: return sort ? QVariant(s.ciHalfWidthPercent) : QVariant(interval(s.ciMsPerImage.low, s.ciMsPerImage.high));
    case ImagesPerSecond: return sort ? QVariant(s.imagesPerSecond) : QVariant(number(s.imagesPerSecond, 4));
    case SpeedUp:
        if (!pair) return sort ? QVariant(0.0) : QVariant();
        return sort ? QVariant(pair->speedUp) : QVariant(QStringLiteral("%1×").arg(number(pair->speedUp)));
    case SpeedUpCi:
        if (!pair) return sort ? QVariant(0.0) : QVariant();
        return sort ? QVariant(pair->ciSpeedUp.low) : QVariant(interval(pair->ciSpeedUp.low, pair->ciSpeedUp.high));
    case PHolm:
        if (!pair) return sort ? QVariant(2.0) : QVariant();
        if (sort) return pair->pHolm;
        if (!pair->welch.valid) return tr("n/a (1 trial)");
        return pair->significant ? number(pair->pHolm, 3) : tr("%1 (n.s.)").arg(number(pair->pHolm, 3));
    case WeightsMiB: return sort ? QVariant(qint64(s.weightBytes)) : QVariant(number(double(s.weightBytes) / mib));
    case PeakRssMiB: return sort ? QVariant(qint64(s.peakRssBytes)) : QVariant(number(double(s.peakRssBytes) / mib, 4));
    case Top1:
        if (!s.accuracy) return sort ? QVariant(-1.0) : QVariant(QStringLiteral("–"));
        return sort ? QVariant(s.accuracy->top1) : QVariant(QStringLiteral("%1 %").arg(number(100.0 * s.accuracy->top1, 4)));
    }
    return {};
}

QVariant BenchTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Model: return tr("Model");
    case Precision: return tr("Precision");
    case Batch: return tr("Batch");
    case Threads: return tr("Threads");
    case Layout: return tr("Layout");
    case Executor: return tr("Executor");
    case Trials: return tr("Trials × runs");
    case MsPerImage: return tr("ms / image");
    case MsCi: return tr("95% CI");
    case ImagesPerSecond: return tr("Images / s");
    case SpeedUp: return tr("Speed-up");
    case SpeedUpCi: return tr("Speed-up 95% CI");
    case PHolm: return tr("p (Holm)");
    case WeightsMiB: return tr("Weights MiB");
    case PeakRssMiB: return tr("Peak RSS MiB");
    case Top1: return tr("Top-1");
    }
    return {};
}

void BenchFilterModel::setFilter(const QString& model, const QString& precision, qint64 batch) {
    model_ = model;
    precision_ = precision;
    batch_ = batch;
    invalidateFilter();
}

bool BenchFilterModel::accepts(const bench::BenchConfig& c) const {
    return (model_.isEmpty() || model_ == QString::fromStdString(c.modelName)) &&
           (precision_.isEmpty() || precision_ == QString::fromStdString(c.precision)) && (batch_ == 0 || batch_ == c.batch);
}

bool BenchFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    const auto* model = qobject_cast<const BenchTableModel*>(sourceModel());
    if (!model || !model->analysis()) return false;
    return accepts(model->analysis()->configs[size_t(sourceRow)].config);
}

}  // namespace ql::gui
