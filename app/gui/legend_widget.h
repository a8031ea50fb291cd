#pragma once
// The key to a view's colours: op kinds by default, or an overlay's title and colour ramp.
#include <QWidget>
#include <optional>

#include "app/gui/color_scale.h"

namespace ql::gui {

class LegendWidget : public QWidget {
    Q_OBJECT
public:
    explicit LegendWidget(QWidget* parent = nullptr);
    void showOpKinds();
    void showScale(QString title, ColorScale scale);
    QString title() const { return title_; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString title_;
    std::optional<ColorScale> scale_;
};

}  // namespace ql::gui
