#pragma once
// A QGraphicsScene holding one GraphDrawing's items, and the per-node state drawn on them:
// selection, linked highlights, search matches, and the colour overlay (op kind by default).
#include <QGraphicsScene>
#include <map>
#include <memory>
#include <vector>

#include "app/gui/color_scale.h"
#include "app/gui/graph_drawing.h"

namespace ql::gui {

class NodeItem;
class EdgeItem;

class GraphScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit GraphScene(QObject* parent = nullptr);

    // Replaces every item; the drawing's layout must be complete. UI thread only.
    void setDrawing(std::shared_ptr<const GraphDrawing> drawing);
    const std::shared_ptr<const GraphDrawing>& drawing() const { return drawing_; }

    int nodeItemCount() const { return int(nodes_.size()); }
    int edgeItemCount() const { return int(edges_.size()); }
    NodeItem* nodeItem(int index) const;
    QRectF nodeRect(int index) const;     // in scene coordinates

    void setSelectedIndex(int index);     // -1 clears
    int selectedIndex() const { return selected_; }
    void setHighlighted(const std::vector<int>& indices);
    std::vector<int> highlighted() const;
    void setSearchMatches(const std::vector<int>& indices, int current);

    // Colours nodes by value; nodes without a value are drawn grey and dashed.
    void setOverlay(std::map<int, double> valuesByIndex, ColorScale scale);
    void clearOverlay();                  // back to colour by op kind
    bool hasOverlay() const { return overlay_; }

private:
    std::shared_ptr<const GraphDrawing> drawing_;
    std::vector<NodeItem*> nodes_;
    std::vector<EdgeItem*> edges_;
    std::vector<std::vector<int>> incident_;  // node index -> edge indices
    int selected_ = -1;
    std::vector<int> highlighted_, matches_;
    bool overlay_ = false;
};

}  // namespace ql::gui
