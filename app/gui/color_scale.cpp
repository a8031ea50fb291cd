#include "app/gui/color_scale.h"

#include <algorithm>
#include <cmath>

namespace ql::gui {
namespace {

QColor mix(const QColor& a, const QColor& b, double t) {
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

}  // namespace

ColorScale ColorScale::sequential(double min, double max, bool logarithmic) {
    ColorScale s;
    s.min_ = min;
    s.max_ = max;
    s.log_ = logarithmic && min > 0;
    return s;
}

ColorScale ColorScale::diverging(double min, double center, double max, bool logarithmic) {
    ColorScale s = sequential(min, max, logarithmic);
    s.center_ = center;
    s.diverging_ = true;
    return s;
}

double ColorScale::position(double v) const {
    auto f = [this](double x) { return log_ ? std::log(std::max(x, 1e-30)) : x; };
    const double lo = f(min_), hi = f(max_);
    if (!(hi > lo)) return 0.5;
    return std::clamp((f(v) - lo) / (hi - lo), 0.0, 1.0);
}

QColor ColorScale::color(double value) const {
    if (!std::isfinite(value)) return QColor(0xbb, 0xbb, 0xbb);
    if (!diverging_) {
        const double t = position(value);
        return t < 0.5 ? mix(QColor(0xff, 0xf7, 0xbc), QColor(0xfe, 0x99, 0x29), t * 2)
                       : mix(QColor(0xfe, 0x99, 0x29), QColor(0xb3, 0x1b, 0x1b), (t - 0.5) * 2);
    }
    const double c = position(center_), t = position(value);
    const QColor low(0xd7, 0x30, 0x27), mid(0xf7, 0xf7, 0xf7), high(0x1a, 0x98, 0x50);
    if (t < c) return mix(low, mid, c > 0 ? t / c : 1.0);
    return mix(mid, high, c < 1 ? (t - c) / (1 - c) : 1.0);
}

}  // namespace ql::gui
