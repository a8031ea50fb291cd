#include "core/runtime/onednn_native_conv.h"

#include <memory>
#include <tuple>

#include "core/runtime/onednn_lowerers.h"
#include "kernels/native/depthwise_int8.h"
#include "kernels/native/pointwise_int8.h"

namespace ql::runtime {

namespace {

// Widest input of a 1x1 conv that runs natively: measured single-threaded on Zen 4 under AVX2
// (expand layers of MobileNet V2), the native kernel is 1.3-1.4x oneDNN's at 16-24 input
// channels, 1.2x at 32, 1.06x at 64, and even or slower from 96.
constexpr int64_t kMaxPointwiseInput = 64;

// The activation in the output's quantized units, as the oneDNN post-ops would apply it; false
// for one the native kernels do not have.
bool activationBounds(const ir::Node& n, float dstScale, float& lo, float& hi) {
    const std::string act = n.attrs.getString("activation");
    if (act == "Relu") {
        lo = 0.f;
    } else if (act == "Clip") {
        std::tie(lo, hi) = clipBoundsInUnits(n, dstScale);
    } else if (!act.empty()) {
        return false;
    }
    return true;
}

// Where the AVX-512 VNNI depthwise kernel beats oneDNN's brdgmm_dw (MobileNet V2 on Zen 4, 2
// threads, per layer): by 25-40 % at stride 1 and wherever the channels fill its 64-channel
// blocks (192-960 channels); by ~7 % at 144 channels, stride 1 (the last 16 run paired, half
// of that block idle).
// It is 20-25 % slower where a partial block meets stride 2 (96 and 144 channels at 112 and 56
// rows): a stride-2 row packs four input columns per output and each block re-reads the rows.
bool vnniDepthwiseWins(const kernels::native::DepthwiseInt8& d) { return d.stride == 1 || d.channels % 64 == 0; }

std::optional<NativeConv> depthwise(const ir::Node& n, const QuantizedConv& c, const memory::dims& x, const memory::dims& y, DT dt, bool vnni) {
    const ops::WindowParams& geo = c.geo;
    if (geo.group != x[1] || y[1] != x[1]) return std::nullopt;
    if (geo.kernel != std::vector<int64_t>{3, 3} || geo.dilations != std::vector<int64_t>{1, 1}) return std::nullopt;
    if (geo.strides[0] != geo.strides[1] || geo.padsBegin.size() != 2) return std::nullopt;
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
    d.srcZeroPoint = c.srcZeroPoint;
    d.dstSigned = dt == DT::s8;
    d.dstZeroPoint = c.dstZeroPoint;
    d.vnni = vnni;
    if (vnni && !vnniDepthwiseWins(d)) return std::nullopt;
    if (!activationBounds(n, c.dstScale, d.actMin, d.actMax) || !kernels::native::supported(d)) return std::nullopt;
    auto kernel = std::make_shared<const kernels::native::DepthwiseInt8Kernel>(d, c.weights, c.accBias, c.outScales);
    NativeConv nc;
    nc.impl = vnni ? "native:dw3x3_vnni" : "native:dw3x3_avx2";
    nc.why = vnni ? "oneDNN 2.6's int8 depthwise kernel does one multiply-add per tap, this one three (it chose " + c.onednnImpl + ")"
                  : "oneDNN 2.6 has no int8 depthwise kernel without VNNI (it chose " + c.onednnImpl + ")";
    nc.run = [kernel](const uint8_t* src, void* dst) { kernel->run(src, dst); };
    if (d.batch == 1) nc.runBand = [kernel](const uint8_t* src, void* dst, int band, int bands) { kernel->runBand(src, dst, band, bands); };
    nc.constantBytes = d.channels * 9 + int64_t(c.accBias.size()) * 4;
    return nc;
}

std::optional<NativeConv> pointwise(const ir::Node& n, const QuantizedConv& c, const memory::dims& x, const memory::dims& y, DT st, DT dt) {
    const ops::WindowParams& geo = c.geo;
    if (geo.group != 1 || geo.kernel != std::vector<int64_t>{1, 1} || geo.strides != std::vector<int64_t>{1, 1} || geo.padded())
        return std::nullopt;
    if (c.srcZeroPoint != 0 || x[1] > kMaxPointwiseInput || x[2] != y[2] || x[3] != y[3]) return std::nullopt;
    kernels::native::PointwiseInt8 d;
    d.batch = x[0];
    d.height = x[2];
    d.width = x[3];
    d.inChannels = x[1];
    d.outChannels = y[1];
    d.srcSigned = st == DT::s8;
    d.dstSigned = dt == DT::s8;
    d.dstZeroPoint = c.dstZeroPoint;
    if (!activationBounds(n, c.dstScale, d.actMin, d.actMax) || !kernels::native::supported(d)) return std::nullopt;
    auto kernel = std::make_shared<const kernels::native::PointwiseInt8Kernel>(d, c.weights, c.accBias, c.outScales);
    NativeConv nc;
    nc.impl = "native:1x1_avx2";
    nc.why = "oneDNN 2.6's AVX2 int8 1x1 kernel is no faster than FP32 for " + std::to_string(d.inChannels) + " input channels (it chose " +
             c.onednnImpl + ")";
    nc.run = [kernel](const uint8_t* src, void* dst) { kernel->run(src, dst); };
    if (d.batch == 1) nc.runBand = [kernel](const uint8_t* src, void* dst, int band, int bands) { kernel->runBand(src, dst, band, bands); };
    nc.rowLocal = true;
    nc.constantBytes = d.inChannels * d.outChannels + int64_t(c.accBias.size()) * 4;
    return nc;
}

}  // namespace

std::optional<NativeConv> nativeConv(const PlanBuilder& b, const ir::Node& n, const QuantizedConv& c) {
    if (n.hasInput(3)) return std::nullopt;  // a sum post-op
    const memory::dims x = c.src.dims(), y = c.dst.dims();
    if (x.size() != 4 || y.size() != 4) return std::nullopt;
    const DT st = c.src.data_type(), dt = c.dst.data_type();
    if ((st != DT::u8 && st != DT::s8) || c.src != memory::desc(x, st, Tag::nhwc)) return std::nullopt;
    if ((dt != DT::u8 && dt != DT::s8) || c.dst != memory::desc(y, dt, Tag::nhwc)) return std::nullopt;
    // With VNNI only the depthwise kernel beats oneDNN (its 1x1 kernels reach the VNNI peak);
    // without, 8-bit activations could saturate the kernels' 16-bit pair sums.
    const bool vnni = b.context().facts().int8Vnni;
    if (!vnni && !b.sevenBitActivations()) return std::nullopt;
    if (st == DT::u8)
        if (auto dw = depthwise(n, c, x, y, dt, vnni)) return dw;
    if (vnni) return std::nullopt;
    return pointwise(n, c, x, y, st, dt);
}

}  // namespace ql::runtime
