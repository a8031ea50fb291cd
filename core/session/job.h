#pragma once
// What a caller hands every long workflow: a way to stop it and a way to watch it.
#include "core/util/cancel.h"

namespace ql::session {

struct Job {
    CancelToken cancel;
    ProgressFn progress;  // fraction of the whole workflow, monotonic, ends at 1.0; stage name
};

}  // namespace ql::session
