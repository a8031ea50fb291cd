#include "core/runtime/onednn_native_depthwise.h"

#include <tuple>

#include "core/runtime/onednn_lowerers.h"

namespace ql::runtime {

std::optional<kernels::native::DepthwiseInt8> nativeDepthwise(const PlanBuilder& b, const ir::Node& n, const ops::WindowParams& geo,
                                                              const memory::desc& src, const memory::desc& dst, int32_t srcZeroPoint,
                                                              int32_t dstZeroPoint, float dstScale) {
    // With VNNI, oneDNN's brdgmm depthwise is as fast (both are bound by requantizing each output);
    // with 8-bit activations the 16-bit pair sums could saturate.
    if (b.context().facts().int8Vnni || !b.sevenBitActivations() || n.hasInput(3)) return std::nullopt;
    const memory::dims x = src.dims(), y = dst.dims();
    if (x.size() != 4 || y.size() != 4 || geo.group != x[1] || y[1] != x[1]) return std::nullopt;
    if (geo.kernel != std::vector<int64_t>{3, 3} || geo.dilations != std::vector<int64_t>{1, 1}) return std::nullopt;
    if (geo.strides[0] != geo.strides[1] || geo.padsBegin.size() != 2) return std::nullopt;
    if (src != memory::desc(x, DT::u8, Tag::nhwc)) return std::nullopt;
    const DT dt = dst.data_type();
    if ((dt != DT::u8 && dt != DT::s8) || dst != memory::desc(y, dt, Tag::nhwc)) return std::nullopt;
    kernels::native::DepthwiseInt8 d;
    d.batch = x[0];
    d.channels = x[1];
    d.height = x[2];
    d.width = x[3];
    d.outHeight = y[2];
    d.outWidth = y[3];
    d.stride = int(geo.strides[0]);
    d.padTop = int(geo.padsBegin[0]);
    d.padLeft = int(geo.padsBegin[1]);
    d.srcZeroPoint = srcZeroPoint;
    d.dstSigned = dt == DT::s8;
    d.dstZeroPoint = dstZeroPoint;
    // the activation in the output's quantized units, as the oneDNN post-ops would apply it
    const std::string act = n.attrs.getString("activation");
    if (act == "Relu") {
        d.actMin = 0.f;
    } else if (act == "Clip") {
        std::tie(d.actMin, d.actMax) = clipBoundsInUnits(n, dstScale);
    } else if (!act.empty()) {
        return std::nullopt;
    }
    if (!kernels::native::supported(d)) return std::nullopt;
    return d;
}

}  // namespace ql::runtime
