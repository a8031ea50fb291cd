#include "app/gui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QElapsedTimer>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

#include "app/gui/background_job.h"
#include "app/gui/cpu_status.h"
#include "app/gui/graph_panel.h"
#include "app/gui/layout_cache.h"
#include "app/gui/node_description.h"
#include "app/gui/pass_list_model.h"
#include "app/gui/property_tree_model.h"
#include "app/gui/recent_files.h"

namespace ql::gui {
namespace {

// What a load job hands back to the UI thread.
struct LoadOutcome {
    std::shared_ptr<const ModelDocument> document;
    QString error;
    bool cancelled = false;
    double ms = 0;
};

QLabel* placeholder(const QString& text, QWidget* parent) {
    auto* l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setAlignment(Qt::AlignCenter);
    l->setStyleSheet(QStringLiteral("color: #777; padding: 12px"));
    return l;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), layoutCache_(std::make_shared<LayoutCache>()), jobs_(std::make_shared<JobReceiver>(this)) {
    setWindowTitle(tr("QuantLens"));
    setAcceptDrops(true);
    resize(1440, 900);

    originalPanel_ = new GraphPanel(tr("Original"), this);
    stagePanel_ = new GraphPanel(tr("Fused"), this);
    originalPanel_->setLayoutCache(layoutCache_);
    stagePanel_->setLayoutCache(layoutCache_);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(originalPanel_);
    split->addWidget(stagePanel_);
    split->setChildrenCollapsible(false);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    setCentralWidget(split);

    passModel_ = new PassListModel(this);
    inspectorModel_ = new PropertyTreeModel(this);
    recent_ = new RecentFiles(this);
    buildActions();
    buildDocks();

    cpuLabel_ = new QLabel(tr("probing CPU..."), this);
    statusBar()->addPermanentWidget(cpuLabel_);
    statusBar()->showMessage(tr("Open an ONNX model (File > Open, or drop it here)."));

    connect(originalPanel_, &GraphPanel::nodeSelected, this, &MainWindow::onOriginalSelected);
    connect(stagePanel_, &GraphPanel::nodeSelected, this, &MainWindow::onStageSelected);
    connect(originalPanel_, &GraphPanel::drawn, this, &MainWindow::checkDrawn);
    connect(stagePanel_, &GraphPanel::drawn, this, &MainWindow::checkDrawn);
    connect(recent_, &RecentFiles::changed, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();

    const QSettings settings;
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    probeCpu();
}

MainWindow::~MainWindow() {
    jobs_->detach();
    loadCancel_.cancel();
}

void MainWindow::buildActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open..."), this, [this] {
        const QString dir = recent_->files().isEmpty() ? QString() : QFileInfo(recent_->files().front()).absolutePath();
        const QString path = QFileDialog::getOpenFileName(this, tr("Open ONNX model"), dir, tr("ONNX models (*.onnx);;All files (*)"));
        if (!path.isEmpty()) openModel(path);
    });
    open->setShortcut(QKeySequence::Open);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* fit = view->addAction(tr("&Fit graphs"), this, [this] {
        originalPanel_->fitAll();
        stagePanel_->fitAll();
    });
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction* find = view->addAction(tr("&Find node..."), this, [this] {
        if (auto* edit = stagePanel_->findChild<QLineEdit*>()) edit->setFocus(), edit->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    view->addSeparator();
    viewMenu_ = view;

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    runAction_ = run->addAction(tr("Run FP32 vs INT8"), this, &MainWindow::runRequested);
    runAction_->setObjectName(QStringLiteral("runAction"));
    runAction_->setEnabled(false);
    runAction_->setToolTip(tr("Runs arrive with the session API"));

    QToolBar* tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->addAction(open);
    tools->addAction(fit);
    tools->addSeparator();
    tools->addAction(runAction_);
}

void MainWindow::buildDocks() {
    // Passes: the stage list doubles as the switcher for the right-hand view.
    passesDock_ = new QDockWidget(tr("Passes"), this);
    passesDock_->setObjectName(QStringLiteral("passesDock"));
    auto* passBox = new QWidget(passesDock_);
    auto* passLayout = new QVBoxLayout(passBox);
    passLayout->setContentsMargins(2, 2, 2, 2);
    passView_ = new QTableView(passBox);
    passView_->setModel(passModel_);
    passView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    passView_->setSelectionMode(QAbstractItemView::SingleSelection);
    passView_->verticalHeader()->hide();
    passView_->horizontalHeader()->setSectionResizeMode(PassListModel::Stage, QHeaderView::Stretch);
    passView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    passView_->setMinimumWidth(300);
    passView_->setWordWrap(false);
    passChanges_ = new QPlainTextEdit(passBox);
    passChanges_->setReadOnly(true);
    passChanges_->setLineWrapMode(QPlainTextEdit::NoWrap);
    passLayout->addWidget(passView_, 2);
    passLayout->addWidget(passChanges_, 3);
    passesDock_->setWidget(passBox);
    addDockWidget(Qt::LeftDockWidgetArea, passesDock_);
    connect(passView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (current.isValid() && current.row() != stage_) showStage(current.row());
    });

    // Settings: placeholder until the session API's RunConfig exists.
    settingsDock_ = new QDockWidget(tr("Run settings"), this);
    settingsDock_->setObjectName(QStringLiteral("settingsDock"));
    settingsDock_->setWidget(placeholder(tr("Calibration, granularity, layout, executor, threads, data set:\n"
                                            "arrives with the session API (RunConfig)."), settingsDock_));
    addDockWidget(Qt::LeftDockWidgetArea, settingsDock_);

    // Inspector.
    inspectorDock_ = new QDockWidget(tr("Node inspector"), this);
    inspectorDock_->setObjectName(QStringLiteral("inspectorDock"));
    auto* inspBox = new QWidget(inspectorDock_);
    auto* inspLayout = new QVBoxLayout(inspBox);
    inspLayout->setContentsMargins(2, 2, 2, 2);
    inspectorTitle_ = new QLabel(tr("Select a node."), inspBox);
    inspectorTitle_->setWordWrap(true);
    inspectorView_ = new QTreeView(inspBox);
    inspectorView_->setModel(inspectorModel_);
    inspectorView_->setAlternatingRowColors(true);
    inspectorView_->setUniformRowHeights(true);
    inspLayout->addWidget(inspectorTitle_);
    inspLayout->addWidget(inspectorView_, 1);
    inspectorDock_->setWidget(inspBox);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock_);
    resizeDocks({passesDock_, inspectorDock_}, {300, 330}, Qt::Horizontal);

    // Per-layer results: placeholder until RunResult exists.
    resultsDock_ = new QDockWidget(tr("Per-layer results"), this);
    resultsDock_->setObjectName(QStringLiteral("resultsDock"));
    resultsDock_->setWidget(placeholder(tr("FP32 ms, INT8 ms, speed-up, SQNR, implementation and format per layer:\n"
                                           "arrives with Run FP32 vs INT8."), resultsDock_));
    addDockWidget(Qt::BottomDockWidgetArea, resultsDock_);
    resizeDocks({resultsDock_}, {110}, Qt::Vertical);

    for (QDockWidget* d : {passesDock_, inspectorDock_, settingsDock_, resultsDock_}) viewMenu_->addAction(d->toggleViewAction());
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    for (const QString& f : recent_->files()) {
        recentMenu_->addAction(QFileInfo(f).fileName() + QStringLiteral("  —  ") + QFileInfo(f).absolutePath(), this,
                               [this, f] { openModel(f); });
    }
    if (!recent_->files().isEmpty()) {
        recentMenu_->addSeparator();
        recentMenu_->addAction(tr("Clear list"), recent_, &RecentFiles::clear);
    }
    recentMenu_->setEnabled(!recent_->files().isEmpty());
}

void MainWindow::probeCpu() {
    runInBackground(jobs_, [] { return probeCpuStatus(); }, [this](CpuStatus s) {
        cpuLabel_->setText(s.text);
        cpuLabel_->setToolTip(s.details);
    });
}

void MainWindow::openModel(const QString& path) {
    const quint64 generation = ++loadGeneration_;
    loadCancel_.cancel();             // a superseded load stops at its next check
    loadCancel_ = CancelToken();
    loading_ = true;
    statusBar()->showMessage(tr("Opening %1...").arg(path));
    const std::filesystem::path file(QFile::encodeName(path).toStdString());
    auto work = [file, cancel = loadCancel_] {
        QElapsedTimer t;
        t.start();
        LoadOutcome out;
        auto doc = loadModelDocument(file, cancel);
        if (doc) out.document = std::move(doc).value();
        else if (doc.status().isCancelled()) out.cancelled = true;
        else out.error = QString::fromStdString(doc.message());
        out.ms = double(t.nsecsElapsed()) / 1e6;
        return out;
    };
    runInBackground(jobs_, work, [this, generation, path](LoadOutcome out) {
        if (generation != loadGeneration_) return;  // a newer open superseded this one
        loading_ = false;
        if (out.cancelled) return;
        if (!out.document) {
            showLoadError(out.error);
            return;
        }
        recent_->add(path);
        setDocument(out.document);
        statusBar()->showMessage(tr("Opened %1: %2 nodes, %3 after fusion (import and passes %4 ms)")
                                     .arg(QFileInfo(path).fileName())
                                     .arg(document_->original()->liveNodeCount())
                                     .arg(document_->fused()->liveNodeCount())
                                     .arg(out.ms, 0, 'f', 0));
    });
}

void MainWindow::showLoadError(const QString& message) {
    lastError_ = message;
    statusBar()->showMessage(tr("Could not open: %1").arg(message));
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Could not open model"), message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("loadErrorBox"));
    box->setInformativeText(document_ ? tr("%1 stays open.").arg(QString::fromStdString(document_->file.filename().string())) : QString());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();                      // not exec(): never block the event loop (automation, tests)
    emit loadFailed(message);
}

void MainWindow::setDocument(std::shared_ptr<const ModelDocument> document) {
    document_ = std::move(document);
    lastError_.clear();
    inspectorModel_->setRoot(nullptr);
    inspectorTitle_->setText(tr("Select a node."));
    passModel_->setDocument(document_);
    stage_ = -1;
    if (!document_) {
        awaitingDrawn_ = false;
        originalPanel_->setGraph(nullptr);
        stagePanel_->setGraph(nullptr);
        setWindowTitle(tr("QuantLens"));
        emit documentChanged();
        return;
    }
    setWindowTitle(tr("%1 — QuantLens").arg(QString::fromStdString(document_->file.filename().string())));
    awaitingDrawn_ = true;
    originalPanel_->setGraph(document_->original());
    showStage(int(document_->stages.size()) - 1);
    emit documentChanged();
}

void MainWindow::showStage(int stage) {
    if (!document_ || stage < 0 || stage >= int(document_->stages.size())) return;
    stage_ = stage;
    const GraphStage& s = document_->stages[size_t(stage)];
    const bool last = stage == int(document_->stages.size()) - 1;
    stagePanel_->setTitle(stage == 0 ? tr("Original") : last ? tr("Fused (after %1)").arg(QString::fromStdString(s.name))
                                                                    : tr("After %1").arg(QString::fromStdString(s.name)));
    awaitingDrawn_ = true;
    stagePanel_->setGraph(s.graph);
    passChanges_->setPlainText(passModel_->changesText(stage));
    const QModelIndex idx = passModel_->index(stage, 0);
    if (passView_->currentIndex().row() != stage) passView_->setCurrentIndex(idx);
}

bool MainWindow::isDrawn() const { return document_ && originalPanel_->isDrawn() && stagePanel_->isDrawn(); }

void MainWindow::checkDrawn() {
    if (!awaitingDrawn_ || !isDrawn()) return;
    awaitingDrawn_ = false;
    emit modelDrawn();
}

void MainWindow::inspect(const std::shared_ptr<const ir::Graph>& graph, ir::NodeId id, const QString& where) {
    if (!graph || !id.valid()) {
        inspectorModel_->setRoot(nullptr);
        inspectorTitle_->setText(tr("Select a node."));
        return;
    }
    inspectorModel_->setRoot(std::make_shared<const PropertyRow>(describeNode(*graph, id)));
    inspectorTitle_->setText(tr("%1: <b>%2</b> (%3)").arg(where, QString::fromStdString(graph->node(id).name).toHtmlEscaped(),
                                                          QString::fromStdString(graph->node(id).opType)));
    inspectorView_->expandToDepth(0);
    inspectorView_->resizeColumnToContents(0);
}

// Original node picked: show it, and in the right view the node that now stands for it
// (highlighted), plus the other original nodes fused with it.
void MainWindow::onOriginalSelected(int nodeId) {
    const ir::NodeId id{nodeId};
    inspect(originalPanel_->graph(), id, tr("Original"));
    const auto stageGraph = stagePanel_->graph();
    if (!id.valid() || !stageGraph) {
        stagePanel_->setHighlightedNodes({});
        originalPanel_->setHighlightedNodes({});
        stagePanel_->selectNode({}, false);
        return;
    }
    const ir::NodeId standing = nodeStandingFor(*stageGraph, id);
    stagePanel_->selectNode({}, false);
    stagePanel_->setHighlightedNodes(standing.valid() ? std::vector<ir::NodeId>{standing} : std::vector<ir::NodeId>{}, true);
    if (standing.valid()) {
        std::vector<ir::NodeId> group = stageGraph->node(standing).fusedFrom;
        group.erase(std::remove(group.begin(), group.end(), id), group.end());
        originalPanel_->setHighlightedNodes(group);
    } else {
        originalPanel_->setHighlightedNodes({});
    }
}

// Stage node picked: show it, and highlight every original node in its fusedFrom.
void MainWindow::onStageSelected(int nodeId) {
    const ir::NodeId id{nodeId};
    const auto stageGraph = stagePanel_->graph();
    inspect(stageGraph, id, stage_ == int(document_ ? document_->stages.size() : 0) - 1 ? tr("Fused") : tr("Stage"));
    stagePanel_->setHighlightedNodes({});
    originalPanel_->selectNode({}, false);
    if (!id.valid() || !stageGraph) {
        originalPanel_->setHighlightedNodes({});
        return;
    }
    originalPanel_->setHighlightedNodes(stageGraph->node(id).fusedFrom, true);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) {
            event->acceptProposedAction();
            return;
        }
}

void MainWindow::dropEvent(QDropEvent* event) {
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) {
            openModel(url.toLocalFile());
            event->acceptProposedAction();
            return;
        }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings().setValue(QStringLiteral("mainWindow/state"), saveState());
    QMainWindow::closeEvent(event);
}

}  // namespace ql::gui
