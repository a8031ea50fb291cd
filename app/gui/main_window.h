#pragma once
// The QuantLens main window: opens models (File > Open, drag and drop, recent files, command
// line) off the UI thread, shows the original graph beside the graph after a chosen pass
// (fused by default) with synchronised selection through fusedFrom, the pass list, the node
// inspector and the CPU facts. A model that fails to load leaves the previous one open.
//
// Seams for the session API (phase 2): setDocument() takes the immutable snapshot a Session
// will provide; settingsDock() and resultsDock() are the places for the settings panel and
// the per-layer table; runAction() emits runRequested(); GraphPanel::setOverlay() colours
// nodes by RunResult figures.
#include <QMainWindow>
#include <memory>

#include "app/gui/model_document.h"
#include "core/util/cancel.h"

class QLabel;
class QMenu;
class QPlainTextEdit;
class QTableView;
class QTreeView;

namespace ql::gui {

class GraphPanel;
class JobReceiver;
class LayoutCache;
class PassListModel;
class PropertyTreeModel;
class RecentFiles;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Loads on a worker; documentChanged() or loadFailed() follows. A newer call supersedes.
    void openModel(const QString& path);
    // Swaps in an already built document (what a Session will hand over).
    void setDocument(std::shared_ptr<const ModelDocument> document);
    const std::shared_ptr<const ModelDocument>& document() const { return document_; }
    bool isLoading() const { return loading_; }
    QString lastError() const { return lastError_; }
    bool isDrawn() const;                // both views show the current document

    // Right-hand view: stage 0 = original, stages().size()-1 = fused (the default).
    void showStage(int stage);
    int currentStage() const { return stage_; }

    GraphPanel* originalPanel() const { return originalPanel_; }
    GraphPanel* stagePanel() const { return stagePanel_; }
    PassListModel* passListModel() const { return passModel_; }
    PropertyTreeModel* inspectorModel() const { return inspectorModel_; }
    RecentFiles* recentFiles() const { return recent_; }
    QDockWidget* settingsDock() const { return settingsDock_; }
    QDockWidget* resultsDock() const { return resultsDock_; }
    QAction* runAction() const { return runAction_; }

signals:
    void documentChanged();
    void loadFailed(const QString& message);
    void modelDrawn();                   // both views drawn after a document or stage change
    void runRequested();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void buildDocks();
    void rebuildRecentMenu();
    void probeCpu();
    void onOriginalSelected(int nodeId);
    void onStageSelected(int nodeId);
    void inspect(const std::shared_ptr<const ir::Graph>& graph, ir::NodeId id, const QString& where);
    void checkDrawn();
    void showLoadError(const QString& message);

    std::shared_ptr<const ModelDocument> document_;
    std::shared_ptr<LayoutCache> layoutCache_;
    std::shared_ptr<JobReceiver> jobs_;
    int stage_ = -1;
    quint64 loadGeneration_ = 0;
    CancelToken loadCancel_;
    bool loading_ = false;
    bool awaitingDrawn_ = false;
    QString lastError_;

    GraphPanel* originalPanel_ = nullptr;
    GraphPanel* stagePanel_ = nullptr;
    PassListModel* passModel_ = nullptr;
    PropertyTreeModel* inspectorModel_ = nullptr;
    RecentFiles* recent_ = nullptr;
    QTableView* passView_ = nullptr;
    QPlainTextEdit* passChanges_ = nullptr;
    QTreeView* inspectorView_ = nullptr;
    QLabel* inspectorTitle_ = nullptr;
    QLabel* cpuLabel_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QDockWidget* passesDock_ = nullptr;
    QDockWidget* inspectorDock_ = nullptr;
    QDockWidget* settingsDock_ = nullptr;
    QDockWidget* resultsDock_ = nullptr;
    QAction* runAction_ = nullptr;
};

}  // namespace ql::gui
