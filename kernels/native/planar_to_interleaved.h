#pragma once
// A model's image input arrives planar (NCHW f32, three channels) and its first convolution
// wants it interleaved (NHWC), f32 or quantized to int8. oneDNN 2.6's reorder does this slowly for
// three channels (about 50 us for 224x224 to s8, on a step that runs every inference); this SSE4.1
// kernel gives the same bytes in a fifth of the time.
#include <cstdint>

namespace ql::kernels::native {

enum class InterleavedType { F32, S8, U8 };

struct PlanarToInterleaved {
    int64_t batch = 1;
    int64_t channels = 3;  // only 3 has a fast path (supported())
    int64_t pixels = 0;    // height * width
    InterleavedType dst = InterleavedType::F32;
    // int8: dst = saturate(round_half_even(x * scale + zeroPoint)), oneDNN's reorder arithmetic
    float scale = 1.f;
    int32_t zeroPoint = 0;
};

// Does this CPU and shape have the fast path (else use a oneDNN reorder)?
bool supported(const PlanarToInterleaved& p);
// Runs on the calling thread's OpenMP team (the plan's thread count).
void run(const PlanarToInterleaved& p, const float* src, void* dst);

}  // namespace ql::kernels::native
