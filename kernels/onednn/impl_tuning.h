#pragma once
// Picks, among oneDNN's implementations of one convolution that keep the source and destination
// layouts oneDNN chose first, the fastest on this machine. oneDNN orders its implementations by
// a static preference (brgemm first on AVX-512), and on small or oddly shaped layers another
// kernel is often faster here (e.g. jit_int8_1x1 over brgconv_1x1 for a 16-channel pointwise
// conv). Each candidate runs on scratch buffers; the choice is cached per process by the
// caller's key (shape, types, post-ops, threads), so repeated layers and later plans reuse it.
#include <dnnl.hpp>
#include <functional>
#include <string>

#include "kernels/onednn/onednn_context.h"

namespace ql::kernels::onednn {

struct TunedImpl {
    int index = 0;            // position in oneDNN's implementation list (0 = its first choice)
    std::string impl;         // the chosen implementation's name
    std::string first;        // oneDNN's first choice
    double bestUs = 0;        // median time of the chosen one when it was timed
    double firstUs = 0;       // and of oneDNN's first choice
    int candidates = 1;       // implementations timed
};

using ConvPdFactory = std::function<dnnl::convolution_forward::primitive_desc()>;

// The fastest implementation for `key`, timing the candidates on first use. `make` builds a
// fresh primitive descriptor each call (the same operation and attributes); the operation
// descriptor it builds from must outlive the calls here (oneDNN's iterator points to it).
TunedImpl fastestConvolution(const std::string& key, const ConvPdFactory& make, Context& ctx);
// The primitive descriptor at position `index` of oneDNN's list.
dnnl::convolution_forward::primitive_desc convolutionAt(const ConvPdFactory& make, int index);

}  // namespace ql::kernels::onednn
