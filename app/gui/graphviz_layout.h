#pragma once
// Graphviz `dot` through libgvc/libcgraph. Graphviz keeps global state, so calls are
// serialised by a process-wide mutex; call from a worker thread, never the UI thread.
#include "app/gui/graph_layout.h"
#include "core/util/status.h"

namespace ql::gui {

Expected<LayoutResult> dotLayout(const LayoutInput& input);

}  // namespace ql::gui
