#pragma once
// Search over a drawn graph by node name or op type (case-insensitive substring), with the
// matches in reading order (top to bottom, then left to right) and a wrapping cursor.
#include <string>
#include <vector>

#include "app/gui/graph_drawing.h"

namespace ql::gui {

std::vector<int> findNodes(const GraphDrawing& drawing, const std::string& query);

class SearchCursor {
public:
    void reset(std::vector<int> matches);
    const std::vector<int>& matches() const { return matches_; }
    int current() const;        // node index, -1 when there are no matches
    int position() const { return pos_; }
    int next();                 // wraps around; returns the new current
    int previous();

private:
    std::vector<int> matches_;
    int pos_ = -1;
};

}  // namespace ql::gui
