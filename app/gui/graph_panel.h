#pragma once
// One graph view with everything around it: a title, a search bar (name or op, next/previous),
// the zoomable view, an overview minimap and the colour legend. It owns the background layout
// job for its graph: each setGraph() starts a new generation and results of older ones are
// dropped (the hotspot pattern), so switching graphs quickly never shows a stale layout.
#include <QElapsedTimer>
#include <QWidget>
#include <map>
#include <memory>

#include "app/gui/color_scale.h"
#include "app/gui/graph_drawing.h"
#include "app/gui/graph_search.h"
#include "app/gui/op_style.h"

class QLabel;
class QLineEdit;
class QToolButton;

namespace ql::gui {

class GraphScene;
class GraphView;
class JobReceiver;
class LayoutCache;
class LegendWidget;
class Minimap;

class GraphPanel : public QWidget {
    Q_OBJECT
public:
    explicit GraphPanel(QString title, QWidget* parent = nullptr);
    ~GraphPanel() override;

    void setLayoutCache(std::shared_ptr<LayoutCache> cache);
    void setLayoutOptions(const LayoutOptions& options) { layoutOptions_ = options; }
    void setTitle(const QString& title);

    // Swaps in a new graph snapshot; the layout runs on a worker, drawn() follows. nullptr clears.
    void setGraph(std::shared_ptr<const ir::Graph> graph);
    const std::shared_ptr<const ir::Graph>& graph() const { return graph_; }
    std::shared_ptr<const GraphDrawing> drawing() const;
    bool isDrawn() const { return drawn_; }
    double lastOpenToDrawnMs() const { return lastOpenToDrawnMs_; }
    QString layoutSummary() const;        // "dot, 412 ms" / "layered (dot skipped: ...)"

    int nodeItemCount() const;
    int edgeItemCount() const;
    GraphScene* scene() const { return scene_; }
    GraphView* view() const { return view_; }

    // Selection and linked highlights, by node id (ids are shared by every snapshot of a model).
    void selectNode(ir::NodeId id, bool centre = true);   // does not emit nodeSelected
    ir::NodeId selectedNode() const;
    void setHighlightedNodes(const std::vector<ir::NodeId>& ids, bool centre = false);
    std::vector<ir::NodeId> highlightedNodes() const;

    // Per-node colour overlay (latency, speed-up, SQNR...) with a legend; ids not in `values`
    // are drawn grey. The seam where RunResult figures plug in.
    void setOverlay(const std::map<ir::NodeId, double>& values, const QString& legendTitle, ColorScale scale);
    void clearOverlay();
    QString legendTitle() const;
    QRect legendGeometry() const;  // in the view's viewport coordinates

    // Search: highlight matches, make the first current; next/previous wrap and select.
    void search(const QString& text);
    void searchNext();
    void searchPrevious();
    int searchMatchCount() const { return int(cursor_.matches().size()); }
    ir::NodeId currentSearchMatch() const;

    void fitAll();

signals:
    void nodeSelected(int nodeId);        // a user picked a node (ir::NodeId::v; -1 = none)
    void drawn();                         // the current graph's items are in the scene

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyDrawing(std::shared_ptr<const GraphDrawing> drawing);
    void pickIndex(int index, bool centre);
    void navigate(int key);
    void updateSearchUi();
    void placeOverlays();
    void updateMinimap();
    std::vector<OpKind> presentOpKinds() const;

    QString title_;
    QLabel* titleLabel_ = nullptr;
    QLabel* infoLabel_ = nullptr;
    QLineEdit* searchEdit_ = nullptr;
    QToolButton* prevButton_ = nullptr;
    QToolButton* nextButton_ = nullptr;
    QLabel* matchLabel_ = nullptr;
    GraphScene* scene_ = nullptr;
    GraphView* view_ = nullptr;
    Minimap* minimap_ = nullptr;
    LegendWidget* legend_ = nullptr;

    std::shared_ptr<LayoutCache> cache_;
    std::shared_ptr<JobReceiver> jobs_;
    LayoutOptions layoutOptions_;
    std::shared_ptr<const ir::Graph> graph_;
    quint64 generation_ = 0;
    bool drawn_ = false;
    QElapsedTimer openTimer_;
    double lastOpenToDrawnMs_ = 0;
    SearchCursor cursor_;
};

}  // namespace ql::gui
