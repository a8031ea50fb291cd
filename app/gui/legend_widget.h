#pragma once
// The key to a view's colours: op kinds by default, or an overlay's title and colour ramp.
#include <QWidget>
#include <optional>

#include "app/gui/color_scale.h"
#include "app/gui/op_style.h"
#include <vector>

namespace ql::gui {

class LegendWidget : public QWidget {
    Q_OBJECT
public:
    explicit LegendWidget(QWidget* parent = nullptr);
    void showOpKinds(std::vector<OpKind> kinds);   // the kinds present in the graph
    void showScale(QString title, ColorScale scale);
    QString title() const { return title_; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString title_;
    std::optional<ColorScale> scale_;
    std::vector<OpKind> kinds_;
};

}  // namespace ql::gui
