#pragma once
// The QuantLens main window: opens models (File > Open, drag and drop, recent files, command
// line) off the UI thread, shows the original graph beside the graph after a chosen pass
// (fused by default) with synchronised selection through fusedFrom, the pass list, the node
// inspector and the CPU facts. A model that fails to load leaves the previous one open.
//
// Runs (phase 2): the settings dock edits a RunConfig (remembered in QSettings); "Run FP32 vs
// INT8" profiles (and evaluates) on a pool thread with progress and Cancel, generation ids drop
// stale results; the results dock shows the whole-model figures, a verdict and the per-layer
// table (sortable, filterable, linked to the graphs); colour modes overlay latency, speed-up or
// the INT8 plan's dtypes on both views; the inspector adds each node's run figures.
#include <QElapsedTimer>
#include <QMainWindow>
#include <QList>
#include <functional>
#include <memory>
#include <optional>

#include "app/gui/model_document.h"
#include "app/gui/run_job.h"
#include "app/gui/run_settings.h"
#include "app/report/safe_write.h"
#include "core/util/cancel.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QToolButton;
class QMenu;
class QPlainTextEdit;
class QScrollArea;
class QTableView;
class QTabWidget;
class QTreeView;

namespace ql::gui {

class BenchPage;
class ChartsPanel;
class GraphPanel;
class JobReceiver;
class LayerFilterModel;
class LayerTableModel;
class LayoutCache;
class PassListModel;
class PropertyTreeModel;
class RecentFiles;
class SettingsPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Loads on a worker; documentChanged() or loadFailed() follows. A newer call supersedes.
    void openModel(const QString& path);
    // Shows the Benchmark window (one per main window) and, when `dir` is given, opens that
    // bench output folder in it; the page says why when it cannot.
    BenchPage* openBenchmark(const QString& dir = {});
    // Swaps in an already built document (what a Session will hand over).
    void setDocument(std::shared_ptr<const ModelDocument> document);
    const std::shared_ptr<const ModelDocument>& document() const { return document_; }
    bool isLoading() const { return loading_; }
    QString lastError() const { return lastError_; }
    bool isDrawn() const;                // both views show the current document
    std::optional<int64_t> modelBatch() const;  // the open model's fixed batch, if it fixes one

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
    SettingsPanel* settingsPanel() const { return settingsPanel_; }
    LayerTableModel* layerModel() const { return layerModel_; }
    LayerFilterModel* layerProxy() const { return layerProxy_; }
    QTableView* layerView() const { return layerView_; }
    ChartsPanel* chartsPanel() const { return charts_; }
    QTabWidget* resultTabs() const { return resultTabs_; }

    // Exports of the shown run (empty string = written; else the message). The report is HTML
    // or PDF by extension; an existing file is replaced only with Overwrite::Replace.
    QString exportReport(const QString& path, report::Overwrite overwrite) const;
    // A graph view's whole scene as PNG or SVG bytes (empty when nothing is drawn).
    QByteArray graphImage(GraphPanel* panel, bool svg) const;

    // Runs: one at a time; a new run supersedes (cancels) a running one.
    void startRun();
    void cancelRun();                   // the run stops at its next check; nothing is swapped in
    bool isRunning() const { return running_; }
    const std::shared_ptr<const RunOutcome>& lastRun() const { return run_; }   // last completed
    QString resultHeaderText() const;   // the header above the table (plain text)
    double lastRunMs() const { return run_ ? run_->ms : 0; }
    // Command line: evaluate on `dir` for this session without changing the stored settings.
    void setDatasetOverride(const QString& dir);
    // Selects a fused-graph node everywhere (fused view, original highlights, table, inspector).
    void selectFusedNode(ir::NodeId id);
    // The fused node with the largest INT8 (else FP32) median of the shown run, if any.
    ir::NodeId slowestLayer() const;
    // Brings the Charts tab forward with the chart whose ChartInfo::id is `id`; false if none.
    bool showChart(const QString& id);

    enum class ColorMode { OpKind, Fp32Latency, Int8Latency, SpeedUp, Int8Plan, Sqnr };
    void setColorMode(ColorMode mode);
    ColorMode colorMode() const { return colorMode_; }

    // UI language ("" = system, "en", "de", "zh_CN"): remembered in QSettings and applied at
    // once; every text of the window follows (QEvent::LanguageChange -> retranslate()).
    void setUiLanguage(const QString& code);

signals:
    void documentChanged();
    void loadFailed(const QString& message);
    void modelDrawn();                   // both views drawn after a document or stage change
    void runRequested();
    void runFinished();                  // results swapped into the table, graphs and inspector
    void runFailed(const QString& message);
    void runCancelled();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void buildActions();
    // Applies `apply` now and again on every language change.
    void bindText(std::function<void()> apply);
    void retranslate();
    void updateResultHeader();
    void rebuildSettingsPanel();
    void buildDocks();
    void rebuildRecentMenu();
    void probeCpu();
    void onOriginalSelected(int nodeId);
    void onStageSelected(int nodeId);
    void inspect(const std::shared_ptr<const ir::Graph>& graph, ir::NodeId id, const QString& where);
    void checkDrawn();
    void showLoadError(const QString& message);
    void applyRun(std::shared_ptr<const RunOutcome> outcome);
    void applyColorMode(GraphPanel* panel);
    void updateRunEnabled();
    // Asks for a file name (the dialog confirms overwriting), then writes through `write`.
    void saveWithDialog(const QString& caption, const QString& filter, const QString& baseName,
                        const std::function<QString(const QString&)>& write);
    void updateTitle();
    void updateStageTitle();
    void selectTableRow(ir::NodeId fusedNode);
    void onTableRowActivated(const QModelIndex& proxyIndex);
    ir::NodeId fusedNodeFor(const std::shared_ptr<const ir::Graph>& graph, ir::NodeId id) const;

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
    BenchPage* benchPage_ = nullptr;
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
    QAction* cancelAction_ = nullptr;

    SettingsPanel* settingsPanel_ = nullptr;
    LayerTableModel* layerModel_ = nullptr;
    LayerFilterModel* layerProxy_ = nullptr;
    QTableView* layerView_ = nullptr;
    QTabWidget* resultTabs_ = nullptr;
    ChartsPanel* charts_ = nullptr;
    QAction* reportAction_ = nullptr;
    QList<QAction*> runExportActions_;
    QLabel* resultHeader_ = nullptr;
    QLineEdit* layerFilter_ = nullptr;
    QComboBox* colorCombo_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QToolButton* cancelButton_ = nullptr;

    std::shared_ptr<const RunOutcome> run_;      // the results on screen
    QString runSettingsLine_, shownSettingsLine_;  // settings of the running / shown run
    RunSettings runSettings_, shownSettings_;      // the same, re-described after a language change
    std::vector<std::function<void()>> retranslators_;
    QScrollArea* settingsScroll_ = nullptr;
    quint64 runGeneration_ = 0;
    CancelToken runCancel_;
    bool running_ = false;
    bool syncingTable_ = false;
    ColorMode colorMode_ = ColorMode::OpKind;
    QElapsedTimer runTimer_;
};

}  // namespace ql::gui
