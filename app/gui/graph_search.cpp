#include "app/gui/graph_search.h"

#include <algorithm>
#include <cctype>

namespace ql::gui {
namespace {

std::string lower(std::string s) {
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

std::vector<int> findNodes(const GraphDrawing& d, const std::string& query) {
    std::vector<int> out;
    const std::string q = lower(query);
    if (q.empty() || !d.graph) return out;
    for (size_t i = 0; i < d.nodes.size(); ++i) {
        const ir::Node& n = d.graph->node(d.nodes[i].id);
        if (lower(n.name).find(q) != std::string::npos || lower(n.opType).find(q) != std::string::npos) out.push_back(int(i));
    }
    if (d.layout && d.layout->centers.size() == d.nodes.size()) {
        const auto& c = d.layout->centers;
        std::stable_sort(out.begin(), out.end(), [&](int a, int b) {
            if (c[size_t(a)].y != c[size_t(b)].y) return c[size_t(a)].y < c[size_t(b)].y;
            return c[size_t(a)].x < c[size_t(b)].x;
        });
    }
    return out;
}

void SearchCursor::reset(std::vector<int> matches) {
    matches_ = std::move(matches);
    pos_ = matches_.empty() ? -1 : 0;
}

int SearchCursor::current() const { return pos_ < 0 ? -1 : matches_[size_t(pos_)]; }

int SearchCursor::next() {
    if (matches_.empty()) return -1;
    pos_ = (pos_ + 1) % int(matches_.size());
    return current();
}

int SearchCursor::previous() {
    if (matches_.empty()) return -1;
    pos_ = (pos_ - 1 + int(matches_.size())) % int(matches_.size());
    return current();
}

}  // namespace ql::gui
