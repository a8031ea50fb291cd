#include "app/gui/graph_panel.h"

#include <QScrollBar>

#include <QEvent>
#include <QFontMetricsF>
#include <QFuture>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

#include "app/gui/background_job.h"
#include "app/gui/graph_items.h"
#include "app/gui/graph_scene.h"
#include "app/gui/graph_view.h"
#include "app/gui/layout_cache.h"
#include "app/gui/legend_widget.h"
#include "app/gui/minimap.h"
#include "app/gui/language.h"
#include "app/gui/op_style.h"
#include <algorithm>

namespace ql::gui {

GraphPanel::GraphPanel(QString title, QWidget* parent)
    : QWidget(parent), title_(std::move(title)), cache_(std::make_shared<LayoutCache>()), jobs_(std::make_shared<JobReceiver>(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto* header = new QHBoxLayout;
    header->setContentsMargins(4, 2, 4, 0);
    titleLabel_ = new QLabel(this);
    QFont bold = titleLabel_->font();
    bold.setBold(true);
    titleLabel_->setFont(bold);
    // a long stage name ("Fused (after fuse-conv-activation)") is clipped, its tooltip whole: two
    // panels side by side must not push the window past a 1440-pixel screen
    titleLabel_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    titleLabel_->setMinimumWidth(90);
    infoLabel_ = new QLabel(this);
    infoLabel_->setStyleSheet(QStringLiteral("color: #666"));
    infoLabel_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);  // long summaries never widen the window
    searchEdit_ = new QLineEdit(this);
    searchEdit_->setClearButtonEnabled(true);
    searchEdit_->setMinimumWidth(110);
    searchEdit_->setMaximumWidth(220);
    searchEdit_->installEventFilter(this);
    prevButton_ = new QToolButton(this);
    prevButton_->setText(QStringLiteral("\u25b2"));
    nextButton_ = new QToolButton(this);
    nextButton_->setText(QStringLiteral("\u25bc"));
    matchLabel_ = new QLabel(this);
    matchLabel_->setMinimumWidth(48);
    header->addWidget(titleLabel_, 1);
    header->addWidget(searchEdit_);
    header->addWidget(prevButton_);
    header->addWidget(nextButton_);
    header->addWidget(matchLabel_);
    layout->addLayout(header);
    infoLabel_->setContentsMargins(6, 0, 4, 0);
    layout->addWidget(infoLabel_);

    scene_ = new GraphScene(this);
    view_ = new GraphView(this);
    view_->setScene(scene_);
    view_->installEventFilter(this);
    layout->addWidget(view_, 1);
    onLanguageChange(this, [this] {
        searchEdit_->setPlaceholderText(tr("Search name or op"));
        prevButton_->setToolTip(tr("Previous match (Shift+Enter)"));
        nextButton_->setToolTip(tr("Next match (Enter)"));
        if (drawn_) infoLabel_->setText(layoutSummary()), infoLabel_->setToolTip(layoutSummary());
        if (!searchEdit_->text().isEmpty()) updateSearchUi();
    });
    minimap_ = new Minimap(view_);
    legend_ = new LegendWidget(view_);
    for (QScrollBar* bar : {view_->horizontalScrollBar(), view_->verticalScrollBar()})
        connect(bar, &QScrollBar::valueChanged, this, [this] { placeOverlays(); });
    minimap_->hide();

    connect(searchEdit_, &QLineEdit::textChanged, this, &GraphPanel::search);
    connect(nextButton_, &QToolButton::clicked, this, &GraphPanel::searchNext);
    connect(prevButton_, &QToolButton::clicked, this, &GraphPanel::searchPrevious);
    connect(view_, &GraphView::nodeClicked, this, [this](int index) { pickIndex(index, false); });
    connect(view_, &GraphView::navigate, this, &GraphPanel::navigate);
    connect(view_, &GraphView::viewportMoved, this, &GraphPanel::updateMinimap);
    connect(minimap_, &Minimap::centerRequested, this, [this](QPointF p) { view_->centerOn(p); });
    setTitle(title_);
    updateSearchUi();
}

GraphPanel::~GraphPanel() {
    jobs_->detach();
    // Children are deleted after this body. Detach the scene now, while the panel is whole (it
    // scrolls the view, whose signals call this panel's slots), then cut those connections: a
    // signal during child deletion would call into a half-destroyed panel (UBSan: bad member call).
    view_->setScene(nullptr);
    disconnect(view_, nullptr, this, nullptr);
    for (QScrollBar* bar : {view_->horizontalScrollBar(), view_->verticalScrollBar()}) disconnect(bar, nullptr, this, nullptr);
}

void GraphPanel::setLayoutCache(std::shared_ptr<LayoutCache> cache) { cache_ = std::move(cache); }

void GraphPanel::setTitle(const QString& title) {
    title_ = title;
    titleLabel_->setText(title_);
    titleLabel_->setToolTip(title_);
}

void GraphPanel::setGraph(std::shared_ptr<const ir::Graph> graph) {
    const quint64 generation = ++generation_;
    graph_ = std::move(graph);
    drawn_ = false;
    openTimer_.start();
    scene_->setDrawing(nullptr);
    minimap_->render(nullptr);
    cursor_.reset({});
    updateSearchUi();
    if (!graph_) {
        infoLabel_->clear();
        return;
    }
    infoLabel_->setText(tr("laying out %1 nodes...").arg(graph_->liveNodeCount()));

    DrawingMetrics metrics;
    const QFontMetricsF fm(font());
    metrics.charWidth = fm.averageCharWidth() * 1.08 + 0.3;
    QFont bold = font();
    bold.setBold(true);
    metrics.charWidth = std::max(metrics.charWidth, QFontMetricsF(bold).averageCharWidth() * 1.08 + 0.3);
    metrics.lineHeight = fm.height();
    // The worker gets values only: the graph snapshot, metrics, options and the shared cache.
    auto work = [graph = graph_, metrics, options = layoutOptions_, cache = cache_] {
        return buildDrawing(graph, metrics, options, cache.get());
    };
    runInBackground(
        jobs_, work,
        [this, generation](std::shared_ptr<const GraphDrawing> drawing) {
            if (generation != generation_) return;  // superseded by a newer setGraph(): drop it
            applyDrawing(std::move(drawing));
        },
        [this, generation](const QString& message) {
            if (generation == generation_) infoLabel_->setText(tr("layout failed: %1").arg(message));
        });
}

void GraphPanel::applyDrawing(std::shared_ptr<const GraphDrawing> drawing) {
    scene_->setDrawing(std::move(drawing));
    legend_->showOpKinds(presentOpKinds());
    fitAll();
    minimap_->render(scene_);
    updateMinimap();
    placeOverlays();
    infoLabel_->setText(layoutSummary());
    infoLabel_->setToolTip(layoutSummary());
    if (!searchEdit_->text().isEmpty()) search(searchEdit_->text());
    drawn_ = true;
    lastOpenToDrawnMs_ = double(openTimer_.nsecsElapsed()) / 1e6;
    emit drawn();
}

std::shared_ptr<const GraphDrawing> GraphPanel::drawing() const { return scene_->drawing(); }

QString GraphPanel::layoutSummary() const {
    auto d = scene_->drawing();
    if (!d || !d->layout) return {};
    const auto& l = *d->layout;
    QString s = tr("%1 nodes, %2 edges · %3 layout %4 ms")
                    .arg(d->nodes.size())
                    .arg(d->edges.size())
                    .arg(QString::fromStdString(l.engine))
                    .arg(l.ms, 0, 'f', 0);
    if (!l.note.empty()) s += QStringLiteral(" (") + QString::fromStdString(l.note) + QStringLiteral(")");
    return s;
}

int GraphPanel::nodeItemCount() const { return scene_->nodeItemCount(); }
int GraphPanel::edgeItemCount() const { return scene_->edgeItemCount(); }

void GraphPanel::fitAll() { view_->fitAll(); }

void GraphPanel::selectNode(ir::NodeId id, bool centre) {
    auto d = scene_->drawing();
    const int index = d ? d->indexOf(id) : -1;
    scene_->setSelectedIndex(index);
    if (index >= 0 && centre) view_->focusRect(scene_->nodeRect(index));
    placeOverlays();  // off the selected node
}

ir::NodeId GraphPanel::selectedNode() const {
    auto d = scene_->drawing();
    const int i = scene_->selectedIndex();
    return d && i >= 0 ? d->nodes[size_t(i)].id : ir::NodeId{};
}

void GraphPanel::setHighlightedNodes(const std::vector<ir::NodeId>& ids, bool centre) {
    auto d = scene_->drawing();
    std::vector<int> indices;
    QRectF bounds;
    for (ir::NodeId id : ids) {
        const int i = d ? d->indexOf(id) : -1;
        if (i < 0) continue;
        indices.push_back(i);
        bounds = bounds.united(scene_->nodeRect(i));
    }
    scene_->setHighlighted(indices);
    if (centre && !indices.empty()) view_->focusRect(bounds);
    placeOverlays();
}

std::vector<ir::NodeId> GraphPanel::highlightedNodes() const {
    std::vector<ir::NodeId> out;
    auto d = scene_->drawing();
    if (!d) return out;
    for (int i : scene_->highlighted()) out.push_back(d->nodes[size_t(i)].id);
    return out;
}

void GraphPanel::setOverlay(const std::map<ir::NodeId, double>& values, const QString& legendTitle, ColorScale scale) {
    auto d = scene_->drawing();
    std::map<int, double> byIndex;
    for (auto [id, v] : values)
        if (const int i = d ? d->indexOf(id) : -1; i >= 0) byIndex[i] = v;
    scene_->setOverlay(std::move(byIndex), scale);
    legend_->showScale(legendTitle, scale);
    minimap_->render(scene_);
    placeOverlays();
}

void GraphPanel::clearOverlay() {
    scene_->clearOverlay();
    legend_->showOpKinds(presentOpKinds());
    minimap_->render(scene_);
    placeOverlays();
}

QString GraphPanel::legendTitle() const { return legend_->title(); }
QRect GraphPanel::legendGeometry() const { return legend_->geometry().translated(-view_->viewport()->geometry().topLeft()); }

void GraphPanel::search(const QString& text) {
    auto d = scene_->drawing();
    cursor_.reset(d ? findNodes(*d, text.trimmed().toStdString()) : std::vector<int>{});
    scene_->setSearchMatches(cursor_.matches(), cursor_.current());
    if (cursor_.current() >= 0) view_->focusRect(scene_->nodeRect(cursor_.current()));
    updateSearchUi();
}

void GraphPanel::searchNext() {
    if (cursor_.next() >= 0) pickIndex(cursor_.current(), true);
    scene_->setSearchMatches(cursor_.matches(), cursor_.current());
    updateSearchUi();
}

void GraphPanel::searchPrevious() {
    if (cursor_.previous() >= 0) pickIndex(cursor_.current(), true);
    scene_->setSearchMatches(cursor_.matches(), cursor_.current());
    updateSearchUi();
}

ir::NodeId GraphPanel::currentSearchMatch() const {
    auto d = scene_->drawing();
    const int i = cursor_.current();
    return d && i >= 0 ? d->nodes[size_t(i)].id : ir::NodeId{};
}

void GraphPanel::updateSearchUi() {
    const int n = int(cursor_.matches().size());
    prevButton_->setEnabled(n > 0);
    nextButton_->setEnabled(n > 0);
    matchLabel_->setText(searchEdit_->text().isEmpty() ? QString() : n == 0 ? tr("none") : QStringLiteral("%1/%2").arg(cursor_.position() + 1).arg(n));
}

void GraphPanel::pickIndex(int index, bool centre) {
    auto d = scene_->drawing();
    if (!d) return;
    scene_->setSelectedIndex(index);
    if (index >= 0 && centre) view_->focusRect(scene_->nodeRect(index));
    placeOverlays();
    emit nodeSelected(index >= 0 ? d->nodes[size_t(index)].id.v : -1);
}

// Arrows: Up/Down go to the predecessor/successor nearest in x, Left/Right to the nearest node
// at the same height. With nothing selected, any arrow selects the top node.
void GraphPanel::navigate(int key) {
    auto d = scene_->drawing();
    if (!d || d->nodes.empty() || !d->layout) return;
    const auto& c = d->layout->centers;
    const int cur = scene_->selectedIndex();
    if (cur < 0) {
        int top = 0;
        for (size_t i = 1; i < c.size(); ++i)
            if (c[i].y < c[size_t(top)].y) top = int(i);
        pickIndex(top, true);
        return;
    }
    std::vector<int> candidates;
    if (key == Qt::Key_Up) candidates = d->predecessors(cur);
    if (key == Qt::Key_Down) candidates = d->successors(cur);
    if (key == Qt::Key_Left || key == Qt::Key_Right) {
        for (size_t i = 0; i < c.size(); ++i) {
            const double dx = c[i].x - c[size_t(cur)].x;
            if (std::abs(c[i].y - c[size_t(cur)].y) < 1.0 && ((key == Qt::Key_Left && dx < 0) || (key == Qt::Key_Right && dx > 0)))
                candidates.push_back(int(i));
        }
    }
    if (candidates.empty()) return;
    int best = candidates.front();
    for (int i : candidates)
        if (std::abs(c[size_t(i)].x - c[size_t(cur)].x) < std::abs(c[size_t(best)].x - c[size_t(cur)].x)) best = i;
    pickIndex(best, true);
}

// The overview only when the whole graph does not fit the view.
void GraphPanel::updateMinimap() {
    const QRectF visible = view_->visibleSceneRect();
    const QRectF all = scene_->itemsBoundingRect();
    minimap_->setVisible(scene_->nodeItemCount() > 0 && !visible.contains(all));
    minimap_->setVisibleRect(visible);
}

std::vector<OpKind> GraphPanel::presentOpKinds() const {
    std::vector<OpKind> kinds;
    if (auto d = scene_->drawing())
        for (const DrawnNode& n : d->nodes) {
            const OpKind k = opKind(QString::fromStdString(n.opType));
            if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
        }
    std::sort(kinds.begin(), kinds.end());
    return kinds;
}

void GraphPanel::placeOverlays() {
    const QRect r = view_->viewport()->geometry();
    minimap_->move(r.right() - minimap_->width() - 6, r.bottom() - minimap_->height() - 6);
    // The legend goes to the free corner that hides the fewest nodes (top-left on a tie), and
    // never over the selected or highlighted nodes when a corner leaves them free.
    const QSize ls = legend_->size();
    const QPoint corners[] = {{6, 6}, {r.width() - ls.width() - 6, 6}, {6, r.height() - ls.height() - 6}};
    QPoint best = corners[0];
    qsizetype fewest = -1;
    const int selected = scene_->selectedIndex();
    for (const QPoint& c : corners) {
        const QPolygonF area = view_->mapToScene(QRect(c, ls));
        qsizetype covered = scene_->items(area, Qt::IntersectsItemBoundingRect).size();
        if (selected >= 0 && area.boundingRect().intersects(scene_->nodeRect(selected))) covered += 100000;
        for (int h : scene_->highlighted())
            if (area.boundingRect().intersects(scene_->nodeRect(h))) covered += 1000;
        if (fewest < 0 || covered < fewest) fewest = covered, best = c;
    }
    legend_->move(r.topLeft() + best);
    legend_->raise();
    minimap_->raise();
}

bool GraphPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == view_ && event->type() == QEvent::Resize) placeOverlays();
    if (watched == searchEdit_ && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            (key->modifiers() & Qt::ShiftModifier) ? searchPrevious() : searchNext();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            searchEdit_->clear();
            view_->setFocus();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace ql::gui
