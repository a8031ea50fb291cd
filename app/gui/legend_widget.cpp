#include "app/gui/legend_widget.h"

#include <QLinearGradient>
#include <QPainter>

#include "app/gui/language.h"
#include "app/gui/op_style.h"

namespace ql::gui {
LegendWidget::LegendWidget(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_TransparentForMouseEvents);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    setFont(f);
    showOpKinds({});
    onLanguageChange(this, [this] {
        if (!scale_) title_ = tr("Op kind");   // a scale's title is re-set by the main window
        update();
    });
}

void LegendWidget::showOpKinds(std::vector<OpKind> kinds) {
    title_ = tr("Op kind");
    kinds_ = std::move(kinds);
    scale_.reset();
    resize(sizeHint());
    update();
}

void LegendWidget::showScale(QString title, ColorScale scale) {
    title_ = std::move(title);
    scale_ = scale;
    resize(sizeHint());
    update();
}

QSize LegendWidget::sizeHint() const {
    const int line = fontMetrics().height();
    return scale_ ? QSize(190, 3 * line + 22) : QSize(140, (int(kinds_.size()) + 1) * line + 10);
}

void LegendWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QColor(0xaa, 0xaa, 0xaa));
    p.setBrush(QColor(255, 255, 255, 225));
    p.drawRoundedRect(rect().adjusted(0, 0, -1, -1), 4, 4);
    const int line = fontMetrics().height();
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(Qt::black);
    p.drawText(QRect(6, 4, width() - 12, line), Qt::AlignLeft | Qt::AlignVCenter, title_);
    p.setFont(font());
    if (!scale_) {
        int y = 4 + line;
        for (OpKind k : kinds_) {
            p.setPen(QColor(0x55, 0x55, 0x55));
            p.setBrush(opKindColor(k));
            p.drawRect(QRect(8, y + 3, line - 6, line - 6));
            p.setPen(Qt::black);
            p.drawText(QRect(8 + line, y, width() - 16 - line, line), Qt::AlignLeft | Qt::AlignVCenter, opKindName(k));
            y += line;
        }
        return;
    }
    const QRect bar(8, 8 + line, width() - 16, line);
    QImage ramp(bar.width(), 1, QImage::Format_RGB32);
    for (int x = 0; x < bar.width(); ++x) {
        const double t = bar.width() > 1 ? double(x) / (bar.width() - 1) : 0;
        ramp.setPixelColor(x, 0, scale_->color(scale_->min() + t * (scale_->max() - scale_->min())));
    }
    p.drawImage(bar, ramp);
    p.setPen(QColor(0x55, 0x55, 0x55));
    p.setBrush(Qt::NoBrush);
    p.drawRect(bar);
    p.setPen(Qt::black);
    const QRect labels(8, bar.bottom() + 3, bar.width(), line);
    p.drawText(labels, Qt::AlignLeft, QString::number(scale_->min(), 'g', 3));
    p.drawText(labels, Qt::AlignRight, QString::number(scale_->max(), 'g', 3));
    if (scale_->isDiverging()) p.drawText(labels, Qt::AlignHCenter, QString::number(scale_->center(), 'g', 3));
}

}  // namespace ql::gui
