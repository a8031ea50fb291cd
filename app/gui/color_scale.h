#pragma once
// Maps overlay values (latency, speed-up, SQNR) to colours: sequential (low = light, high =
// dark red) or diverging around a centre (speed-up 1.0: red below, green above), optionally log.
#include <QColor>
#include <QString>

namespace ql::gui {

class ColorScale {
public:
    static ColorScale sequential(double min, double max, bool logarithmic = false);
    static ColorScale diverging(double min, double center, double max, bool logarithmic = false);

    QColor color(double value) const;
    double min() const { return min_; }
    double max() const { return max_; }
    bool isDiverging() const { return diverging_; }
    double center() const { return center_; }

private:
    double position(double value) const;  // 0..1 along the scale
    double min_ = 0, max_ = 1, center_ = 0.5;
    bool diverging_ = false, log_ = false;
};

}  // namespace ql::gui
