#include "app/gui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QElapsedTimer>
#include <chrono>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScrollArea>
#include <QTextDocument>
#include <QToolButton>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QGraphicsScene>
#include <QPainter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <mutex>

#include "app/gui/background_job.h"
#include "app/gui/charts_panel.h"
#include "app/gui/graph_scene.h"
#include "app/report/charts.h"
#include "app/report/html_report.h"
#include "app/report/table_export.h"
#include "app/gui/cpu_status.h"
#include "app/gui/graph_panel.h"
#include "app/gui/layer_table_model.h"
#include "app/gui/run_digest.h"
#include "app/gui/settings_panel.h"
#include "app/gui/layout_cache.h"
#include "app/gui/node_description.h"
#include "core/profile/profiler.h"
#include "app/gui/pass_list_model.h"
#include "app/gui/property_tree_model.h"
#include "app/gui/recent_files.h"
#include "app/gui/bench_page.h"
#include "app/gui/language.h"
#include <QActionGroup>

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

    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("runProgress"));
    progress_->setRange(0, 1000);
    progress_->setMaximumWidth(320);
    progress_->setMinimumWidth(240);
    progress_->setTextVisible(true);
    progress_->hide();
    cancelButton_ = new QToolButton(this);
    cancelButton_->setObjectName(QStringLiteral("cancelRun"));
    cancelButton_->setDefaultAction(cancelAction_);
    cancelButton_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    cancelButton_->hide();
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancelButton_);
    cpuLabel_ = new QLabel(tr("probing CPU..."), this);
    statusBar()->addPermanentWidget(cpuLabel_);
    statusBar()->showMessage(tr("Open an ONNX model (File > Open, or drop it here)."));
    updateResultHeader();
    updateRunEnabled();

    connect(originalPanel_, &GraphPanel::nodeSelected, this, &MainWindow::onOriginalSelected);
    connect(stagePanel_, &GraphPanel::nodeSelected, this, &MainWindow::onStageSelected);
    connect(originalPanel_, &GraphPanel::drawn, this, [this] {
        applyColorMode(originalPanel_);
        checkDrawn();
    });
    connect(stagePanel_, &GraphPanel::drawn, this, [this] {
        applyColorMode(stagePanel_);
        checkDrawn();
    });
    connect(recent_, &RecentFiles::changed, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();

    const QSettings settings;
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    probeCpu();
}

MainWindow::~MainWindow() {
    jobs_->detach();
    loadCancel_.cancel();
    runCancel_.cancel();
}

void MainWindow::bindText(std::function<void()> apply) {
    apply();
    retranslators_.push_back(std::move(apply));
}

void MainWindow::buildActions() {
    // Every text is set through bindText, so a language switch re-applies it (QT_TR_NOOP marks
    // the source for lupdate; tr() looks it up when applied).
    auto text = [this](QAction* a, const char* source) {
        bindText([a, source] { a->setText(tr(source)); });
        return a;
    };
    auto title = [this](QMenu* m, const char* source) {
        bindText([m, source] { m->setTitle(tr(source)); });
        return m;
    };
    QMenu* file = title(menuBar()->addMenu(QString()), QT_TR_NOOP("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction* open = text(file->addAction(QString(), this, [this] {
        const QString dir = recent_->files().isEmpty() ? QString() : QFileInfo(recent_->files().front()).absolutePath();
        const QString path = QFileDialog::getOpenFileName(this, tr("Open ONNX model"), dir, tr("ONNX models (*.onnx);;All files (*)"));
        if (!path.isEmpty()) openModel(path);
    }), QT_TR_NOOP("&Open..."));
    open->setShortcut(QKeySequence::Open);
    recentMenu_ = title(file->addMenu(QString()), QT_TR_NOOP("Open &Recent"));
    text(file->addAction(QString(), this, [this] { openBenchmark(); }), QT_TR_NOOP("Open &Benchmark..."));
    file->addSeparator();
    reportAction_ = text(file->addAction(QString(), this, [this] {
        saveWithDialog(tr("Export report"), tr("HTML report (*.html);;PDF report (*.pdf)"), QStringLiteral("report"),
                       [this](const QString& path) { return exportReport(path, report::Overwrite::Replace); });
    }), QT_TR_NOOP("Export &report (HTML or PDF)..."));
    reportAction_->setObjectName(QStringLiteral("exportReportAction"));
    reportAction_->setEnabled(false);
    QMenu* exportMenu = title(file->addMenu(QString()), QT_TR_NOOP("&Export"));
    auto bytesSaver = [this](std::function<QByteArray()> make) {
        return [this, make](const QString& path) {
            const QByteArray bytes = make();
            return bytes.isEmpty() ? tr("nothing to export") : report::writeFileSafely(path, bytes, report::Overwrite::Replace);
        };
    };
    runExportActions_ << text(exportMenu->addAction(QString(), this, [this, bytesSaver] {
        saveWithDialog(tr("Export chart"), tr("PNG image (*.png)"), charts_->currentChartId(), bytesSaver([this] { return charts_->currentPng(); }));
    }), QT_TR_NOOP("Current chart as PNG..."));
    runExportActions_ << text(exportMenu->addAction(QString(), this, [this, bytesSaver] {
        saveWithDialog(tr("Export chart"), tr("SVG image (*.svg)"), charts_->currentChartId(), bytesSaver([this] { return charts_->currentSvg(); }));
    }), QT_TR_NOOP("Current chart as SVG..."));
    exportMenu->addSeparator();
    for (bool original : {true, false})
        for (bool svg : {false, true}) {
            QAction* a = exportMenu->addAction(QString(), this, [this, original, svg, bytesSaver] {
                saveWithDialog(tr("Export graph view"), svg ? tr("SVG image (*.svg)") : tr("PNG image (*.png)"),
                               original ? QStringLiteral("graph-original") : QStringLiteral("graph-stage"),
                               bytesSaver([this, original, svg] { return graphImage(original ? originalPanel_ : stagePanel_, svg); }));
            });
            bindText([a, original, svg] {
                a->setText((original ? tr("Original graph view as %1...") : tr("Right-hand graph view as %1..."))
                               .arg(svg ? QStringLiteral("SVG") : QStringLiteral("PNG")));
            });
        }
    text(exportMenu->addAction(QString(), this, [this, bytesSaver] {
        saveWithDialog(tr("Save screenshot"), tr("PNG image (*.png)"), QStringLiteral("quantlens"), bytesSaver([this] { return report::imagePng(grab().toImage()); }));
    }), QT_TR_NOOP("Window screenshot as PNG..."));
    exportMenu->addSeparator();
    runExportActions_ << text(exportMenu->addAction(QString(), this, [this, bytesSaver] {
        saveWithDialog(tr("Export table"), tr("CSV (*.csv)"), QStringLiteral("layers"), bytesSaver([this] { return report::layerTableCsv(layerModel_->rows()); }));
    }), QT_TR_NOOP("Per-layer table as CSV..."));
    runExportActions_ << text(exportMenu->addAction(QString(), this, [this, bytesSaver] {
        saveWithDialog(tr("Export table"), tr("JSON (*.json)"), QStringLiteral("layers"), bytesSaver([this] { return report::layerTableJson(layerModel_->rows()); }));
    }), QT_TR_NOOP("Per-layer table as JSON..."));
    for (QAction* a : runExportActions_) a->setEnabled(false);
    file->addSeparator();
    QAction* quit = text(file->addAction(QString(), this, &QWidget::close), QT_TR_NOOP("&Quit"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = title(menuBar()->addMenu(QString()), QT_TR_NOOP("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction* fit = text(view->addAction(QString(), this, [this] {
        originalPanel_->fitAll();
        stagePanel_->fitAll();
    }), QT_TR_NOOP("&Fit graphs"));
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction* find = text(view->addAction(QString(), this, [this] {
        if (auto* edit = stagePanel_->findChild<QLineEdit*>()) edit->setFocus(), edit->selectAll();
    }), QT_TR_NOOP("&Find node..."));
    find->setShortcut(QKeySequence::Find);
    view->addSeparator();
    viewMenu_ = view;

    QMenu* run = title(menuBar()->addMenu(QString()), QT_TR_NOOP("&Run"));
    run->setObjectName(QStringLiteral("runMenu"));
    runAction_ = text(run->addAction(QString(), this, [this] {
        emit runRequested();
        startRun();
    }), QT_TR_NOOP("Run FP32 vs INT8"));
    runAction_->setObjectName(QStringLiteral("runAction"));
    runAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    runAction_->setEnabled(false);
    cancelAction_ = text(run->addAction(QString(), this, &MainWindow::cancelRun), QT_TR_NOOP("Cancel run"));
    cancelAction_->setShortcut(QKeySequence(Qt::Key_Escape));
    cancelAction_->setEnabled(false);

    // Language: switches at run time (every text is re-applied on QEvent::LanguageChange).
    QMenu* language = title(menuBar()->addMenu(QString()), QT_TR_NOOP("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto* languages = new QActionGroup(this);
    languages->setExclusive(true);
    const QString stored = storedUiLanguage();
    for (const UiLanguage& l : uiLanguages()) {
        QAction* a = language->addAction(l.nativeName);
        a->setCheckable(true);
        a->setChecked(l.code == stored);
        a->setData(l.code);
        a->setObjectName(QStringLiteral("language_%1").arg(l.code.isEmpty() ? QStringLiteral("system") : l.code));
        languages->addAction(a);
        if (l.code.isEmpty()) bindText([a] { a->setText(QCoreApplication::translate("Language", "System")); });
        connect(a, &QAction::triggered, this, [this, code = l.code] { setUiLanguage(code); });
    }

    QToolBar* tools = addToolBar(QString());
    bindText([tools] { tools->setWindowTitle(tr("Main")); });
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->addAction(open);
    tools->addAction(fit);
    tools->addSeparator();
    tools->addAction(runAction_);
    tools->addSeparator();
    auto* colourLabel = new QLabel(tools);
    bindText([colourLabel] { colourLabel->setText(tr(" Colour: ")); });
    tools->addWidget(colourLabel);
    colorCombo_ = new QComboBox(tools);
    colorCombo_->setObjectName(QStringLiteral("colorMode"));
    colorCombo_->addItems({QString(), QString(), QString(), QString(), QString(), QString()});
    bindText([this] {
        const QStringList items{tr("Op kind"), tr("FP32 latency"), tr("INT8 latency"), tr("Speed-up"), tr("Quantized (INT8 plan dtype)"), tr("Error (SQNR)")};
        for (int i = 0; i < items.size(); ++i) colorCombo_->setItemText(i, items[i]);
        colorCombo_->setToolTip(tr("Colour the graphs by op kind or, after a run, by its figures"));
    });
    tools->addWidget(colorCombo_);
    connect(colorCombo_, &QComboBox::currentIndexChanged, this, [this](int i) { setColorMode(ColorMode(i)); });
}
void MainWindow::buildDocks() {
    // Passes: the stage list doubles as the switcher for the right-hand view.
    passesDock_ = new QDockWidget(this);
    bindText([this] { passesDock_->setWindowTitle(tr("Passes")); });
    passesDock_->setObjectName(QStringLiteral("passesDock"));
    auto* passBox = new QWidget(passesDock_);
    auto* passLayout = new QVBoxLayout(passBox);
    passLayout->setContentsMargins(2, 2, 2, 2);
    passView_ = new QTableView(passBox);
    passView_->setModel(passModel_);
    passView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    passView_->setSelectionMode(QAbstractItemView::SingleSelection);
    passView_->verticalHeader()->hide();
    // the counts as narrow as their text, the stage name takes the rest (at 100 px each the
    // counts pushed the last columns out of the dock)
    passView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    passView_->horizontalHeader()->setSectionResizeMode(PassListModel::Stage, QHeaderView::Stretch);
    passView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    passView_->setMinimumWidth(300);
    passView_->setWordWrap(false);
    passChanges_ = new QPlainTextEdit(passBox);
    passChanges_->setReadOnly(true);
    passChanges_->setLineWrapMode(QPlainTextEdit::NoWrap);
    passLayout->addWidget(passView_, 3);
    passLayout->addWidget(passChanges_, 2);
    passesDock_->setWidget(passBox);
    addDockWidget(Qt::LeftDockWidgetArea, passesDock_);
    connect(passView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (current.isValid() && current.row() != stage_) showStage(current.row());
    });

    // Settings: the RunConfig of the next run (and the data set), remembered in QSettings.
    settingsDock_ = new QDockWidget(this);
    bindText([this] { settingsDock_->setWindowTitle(tr("Run settings")); });
    settingsDock_->setObjectName(QStringLiteral("settingsDock"));
    settingsPanel_ = new SettingsPanel(settingsDock_);
    settingsScroll_ = new QScrollArea(settingsDock_);
    settingsScroll_->setWidget(settingsPanel_);
    settingsScroll_->setWidgetResizable(true);
    settingsScroll_->setFrameShape(QFrame::NoFrame);
    settingsDock_->setWidget(settingsScroll_);
    addDockWidget(Qt::LeftDockWidgetArea, settingsDock_);
    resizeDocks({passesDock_, settingsDock_}, {330, 470}, Qt::Vertical);
    connect(settingsPanel_, &SettingsPanel::settingsChanged, this, [this] {
        updateRunEnabled();
        updateTitle();
    });

    // Inspector.
    inspectorDock_ = new QDockWidget(this);
    bindText([this] { inspectorDock_->setWindowTitle(tr("Node inspector")); });
    inspectorDock_->setObjectName(QStringLiteral("inspectorDock"));
    auto* inspBox = new QWidget(inspectorDock_);
    auto* inspLayout = new QVBoxLayout(inspBox);
    inspLayout->setContentsMargins(2, 2, 2, 2);
    inspectorTitle_ = new QLabel(tr("Select a node."), inspBox);   // re-set by inspect() on a language change
    inspectorTitle_->setWordWrap(true);
    inspectorView_ = new QTreeView(inspBox);
    inspectorView_->setModel(inspectorModel_);
    inspectorView_->setAlternatingRowColors(true);
    inspectorView_->setUniformRowHeights(true);
    inspLayout->addWidget(inspectorTitle_);
    inspLayout->addWidget(inspectorView_, 1);
    inspectorDock_->setWidget(inspBox);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock_);
    // the left docks as wide as the run settings' form, so no field is cut off behind a scroll bar
    resizeDocks({passesDock_, inspectorDock_}, {std::max(300, settingsPanel_->minimumSizeHint().width() + 20), 330}, Qt::Horizontal);

    // Per-layer results: placeholder until RunResult exists.
    resultsDock_ = new QDockWidget(this);
    bindText([this] { resultsDock_->setWindowTitle(tr("Per-layer results")); });
    resultsDock_->setObjectName(QStringLiteral("resultsDock"));
    auto* resultsBox = new QWidget(resultsDock_);
    auto* resultsLayout = new QVBoxLayout(resultsBox);
    resultsLayout->setContentsMargins(4, 2, 4, 2);
    resultHeader_ = placeholder(QString(), resultsBox);
    resultHeader_->setObjectName(QStringLiteral("resultHeader"));
    resultHeader_->setTextFormat(Qt::RichText);
    resultHeader_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layerFilter_ = new QLineEdit(resultsBox);
    layerFilter_->setObjectName(QStringLiteral("layerFilter"));
    bindText([this] { layerFilter_->setPlaceholderText(tr("Filter layers by name, op, fused-from, impl, format or dtype")); });
    layerFilter_->setClearButtonEnabled(true);
    layerModel_ = new LayerTableModel(this);
    layerProxy_ = new LayerFilterModel(this);
    layerProxy_->setSourceModel(layerModel_);
    layerView_ = new QTableView(resultsBox);
    layerView_->setObjectName(QStringLiteral("layerTable"));
    layerView_->setModel(layerProxy_);
    layerView_->setSortingEnabled(true);
    layerView_->sortByColumn(-1, Qt::AscendingOrder);  // plan order until a header is clicked
    layerView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    layerView_->setSelectionMode(QAbstractItemView::SingleSelection);
    layerView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layerView_->setAlternatingRowColors(true);
    layerView_->setWordWrap(false);
    layerView_->verticalHeader()->setDefaultSectionSize(layerView_->fontMetrics().height() + 6);
    layerView_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    layerView_->horizontalHeader()->setStretchLastSection(true);
    // The table and the charts share the dock as tabs under the header.
    resultTabs_ = new QTabWidget(resultsBox);
    resultTabs_->setObjectName(QStringLiteral("resultTabs"));
    resultTabs_->setDocumentMode(true);
    auto* tableBox = new QWidget(resultTabs_);
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 2, 0, 0);
    tableLayout->addWidget(layerFilter_);
    tableLayout->addWidget(layerView_, 1);
    resultTabs_->addTab(tableBox, QString());
    charts_ = new ChartsPanel(resultTabs_);
    charts_->setObjectName(QStringLiteral("chartsPanel"));
    resultTabs_->addTab(charts_, QString());
    bindText([this] {
        resultTabs_->setTabText(0, tr("Layers"));
        resultTabs_->setTabText(1, tr("Charts"));
    });
    resultsLayout->addWidget(resultHeader_);
    resultsLayout->addWidget(resultTabs_, 1);
    resultsDock_->setWidget(resultsBox);
    // The left docks run the full height (the pass list and the settings need it); the results
    // take the width beside them and enough height for a screenful of rows or a chart.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, resultsDock_);
    resizeDocks({resultsDock_}, {410}, Qt::Vertical);
    connect(charts_, &ChartsPanel::nodeClicked, this, [this](int id) { selectFusedNode(ir::NodeId{id}); });
    connect(charts_, &ChartsPanel::exportRequested, this, [this](bool svg) {
        saveWithDialog(tr("Export chart"), svg ? tr("SVG image (*.svg)") : tr("PNG image (*.png)"), charts_->currentChartId(), [this, svg](const QString& path) {
            const QByteArray bytes = svg ? charts_->currentSvg() : charts_->currentPng();
            return report::writeFileSafely(path, bytes, report::Overwrite::Replace);
        });
    });
    connect(layerFilter_, &QLineEdit::textChanged, layerProxy_, &LayerFilterModel::setFilterText);
    connect(layerView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { onTableRowActivated(current); });

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

BenchPage* MainWindow::openBenchmark(const QString& dir) {
    if (!benchPage_) {
        // its own window: a bench study spans models, the main window shows one
        benchPage_ = new BenchPage(this);
        benchPage_->setWindowFlag(Qt::Window);
        benchPage_->setObjectName(QStringLiteral("benchWindow"));
        benchPage_->resize(1200, 800);
        onLanguageChange(benchPage_, [this] { benchPage_->setWindowTitle(tr("QuantLens — Benchmark")); });
    }
    if (!dir.isEmpty()) benchPage_->openFolder(dir);
    benchPage_->show();
    benchPage_->raise();
    return benchPage_;
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
        try {
            auto doc = loadModelDocument(file, cancel);
            if (doc) out.document = std::move(doc).value();
            else if (doc.status().isCancelled()) out.cancelled = true;
            else out.error = QString::fromStdString(doc.message());
        } catch (const std::exception& e) {  // a bug: every expected failure comes back as a Status
            out.error = QStringLiteral("internal error: ") + QString::fromUtf8(e.what());
        }
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
    if (running_) {                   // its outcome is dropped by generation below, so end its UI state here
        cancelRun();
        running_ = false;
        progress_->hide();
        cancelButton_->hide();
    }
    ++runGeneration_;                 // a run of the previous model delivers nothing
    document_ = std::move(document);
    settingsPanel_->setModelBatch(modelBatch());
    lastError_.clear();
    run_.reset();
    layerModel_->setResult(nullptr);
    updateResultHeader();
    updateRunEnabled();
    inspectorModel_->setRoot(nullptr);
    inspectorTitle_->setText(tr("Select a node."));
    passModel_->setDocument(document_);
    stage_ = -1;
    if (!document_) {
        awaitingDrawn_ = false;
        originalPanel_->setGraph(nullptr);
        stagePanel_->setGraph(nullptr);
        updateTitle();
        emit documentChanged();
        return;
    }
    updateTitle();
    awaitingDrawn_ = true;
    originalPanel_->setGraph(document_->original());
    showStage(int(document_->stages.size()) - 1);
    emit documentChanged();
}

void MainWindow::showStage(int stage) {
    if (!document_ || stage < 0 || stage >= int(document_->stages.size())) return;
    stage_ = stage;
    const GraphStage& s = document_->stages[size_t(stage)];
    updateStageTitle();
    awaitingDrawn_ = true;
    stagePanel_->setGraph(s.graph);
    passChanges_->setPlainText(passModel_->changesText(stage));
    const QModelIndex idx = passModel_->index(stage, 0);
    if (passView_->currentIndex().row() != stage) passView_->setCurrentIndex(idx);
}

void MainWindow::updateStageTitle() {
    if (!document_ || stage_ < 0) return;
    const int stage = stage_;
    const GraphStage& s = document_->stages[size_t(stage)];
    const bool last = stage == int(document_->stages.size()) - 1;
    if (last && colorMode_ == ColorMode::Int8Plan && run_) {
        stagePanel_->setTitle(tr("Quantized (fused graph as the INT8 plan runs it)"));
        return;
    }
    stagePanel_->setTitle(stage == 0 ? tr("Original") : last ? tr("Fused (after %1)").arg(QString::fromStdString(s.name))
                                                                    : tr("After %1").arg(QString::fromStdString(s.name)));
}

std::optional<int64_t> MainWindow::modelBatch() const {
    return document_ && document_->session ? document_->session->fixedBatch() : std::nullopt;
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
    PropertyRow root = describeNode(*graph, id);
    const int row = run_ ? layerModel_->rowForNode(fusedNodeFor(graph, id)) : -1;
    if (row >= 0) {
        const LayerRow& r = layerModel_->rows()[size_t(row)];
        PropertyRow section{tr("Run").toStdString(), shownSettingsLine_.toStdString(), {}};
        auto ms = [](const profile::Stats& s) {
            return QStringLiteral("%1 ms (p10 %2, p90 %3)").arg(s.median, 0, 'f', 4).arg(s.p10, 0, 'f', 4).arg(s.p90, 0, 'f', 4).toStdString();
        };
        for (const auto* p : {r.fp32, r.int8}) {
            if (!p) continue;
            const bool isInt8 = p == r.int8;
            PropertyRow prec{isInt8 ? "INT8" : "FP32", ms(p->ms), {}};
            prec.children.push_back({tr("implementation").toStdString(), p->step.impl, {}});
            if (!p->step.fallbackReason.empty()) prec.children.push_back({tr("reference because").toStdString(), p->step.fallbackReason, {}});
            prec.children.push_back({tr("memory format").toStdString(), p->step.format, {}});
            prec.children.push_back({tr("dtype").toStdString(), p->step.dtype, {}});
            if (!p->step.note.empty()) prec.children.push_back({tr("note").toStdString(), p->step.note, {}});
            section.children.push_back(std::move(prec));
        }
        if (r.speedUp() > 0) section.children.push_back({tr("speed-up").toStdString(), QStringLiteral("%1×").arg(r.speedUp(), 0, 'f', 2).toStdString(), {}});
        if (graph != stagePanel_->graph() || fusedNodeFor(graph, id) != id)
            section.children.push_back({tr("measured as").toStdString(), r.name.toStdString(), {}});
        root.children.insert(root.children.begin(), std::move(section));
    }
    inspectorModel_->setRoot(std::make_shared<const PropertyRow>(std::move(root)));
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
    selectTableRow(fusedNodeFor(originalPanel_->graph(), id));
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
    selectTableRow(fusedNodeFor(stageGraph, id));
}

// The fused-graph node a node of `graph` (any stage) is measured as: itself when the fused
// graph has it, else the fused node whose fusedFrom holds it.
ir::NodeId MainWindow::fusedNodeFor(const std::shared_ptr<const ir::Graph>& graph, ir::NodeId id) const {
    if (!document_ || !graph || !id.valid()) return {};
    const ir::Graph& fused = *document_->fused();
    if (layerModel_->rowForNode(id) >= 0) return id;
    if (const ir::NodeId s = nodeStandingFor(fused, id); s.valid()) return s;
    // an intermediate stage's node: through the original nodes it came from
    for (ir::NodeId o : graph->node(id).fusedFrom)
        if (const ir::NodeId s = nodeStandingFor(fused, o); s.valid()) return s;
    return {};
}

void MainWindow::selectTableRow(ir::NodeId fusedNode) {
    charts_->setSelectedNode(fusedNode);  // the per-layer charts follow the selection
    if (syncingTable_) return;
    const int row = layerModel_->rowForNode(fusedNode);
    syncingTable_ = true;
    if (row < 0) {
        layerView_->selectionModel()->clearSelection();
    } else {
        const QModelIndex p = layerProxy_->mapFromSource(layerModel_->index(row, 0));
        if (p.isValid()) {
            layerView_->selectionModel()->setCurrentIndex(p, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            layerView_->scrollTo(p);
        }
    }
    syncingTable_ = false;
}

void MainWindow::onTableRowActivated(const QModelIndex& proxyIndex) {
    if (syncingTable_ || !proxyIndex.isValid() || !document_) return;
    const ir::NodeId id{proxyIndex.data(LayerTableModel::NodeIdRole).toInt()};
    if (!id.valid()) return;  // an inserted step has no node
    syncingTable_ = true;
    selectFusedNode(id);
    syncingTable_ = false;
}

void MainWindow::selectFusedNode(ir::NodeId id) {
    if (!document_ || !id.valid()) return;
    if (currentStage() != int(document_->stages.size()) - 1) showStage(int(document_->stages.size()) - 1);
    stagePanel_->selectNode(id, true);
    onStageSelected(id.v);
}

bool MainWindow::showChart(const QString& id) {
    for (int i = 0; i < charts_->chartCount(); ++i)
        if (report::chartInfo(charts_->chartKind(i)).id == id) {
            resultTabs_->setCurrentWidget(charts_);
            charts_->setCurrentIndex(i);
            return true;
        }
    return false;
}

ir::NodeId MainWindow::slowestLayer() const {
    ir::NodeId best;
    double worst = -1;
    for (const LayerRow& r : layerModel_->rows()) {
        const auto* p = r.int8 ? r.int8 : r.fp32;
        if (r.node.valid() && p && p->ms.median > worst) worst = p->ms.median, best = r.node;
    }
    return best;
}

void MainWindow::updateRunEnabled() {
    const QString error = settingsPanel_->validationError();
    runAction_->setEnabled(document_ && !loading_ && error.isEmpty());
    runAction_->setToolTip(error.isEmpty() ? tr("Profile FP32 and INT8 with the run settings (Ctrl+R)") : tr("Run settings: %1").arg(error));
    cancelAction_->setEnabled(running_);
}

void MainWindow::updateTitle() {
    if (!document_) {
        setWindowTitle(tr("QuantLens"));
        return;
    }
    const QString file = QString::fromStdString(document_->file.filename().string());
    if (run_ && run_->result) {
        const RunDigest d = digestRun(*run_->result);
        setWindowTitle(tr("%1 — INT8 %2× — %3 — QuantLens").arg(file).arg(d.speedUp, 0, 'f', 2).arg(shownSettingsLine_));
    } else {
        setWindowTitle(tr("%1 — %2 — QuantLens").arg(file, settingsSummary(settingsPanel_->settings())));
    }
}

void MainWindow::setDatasetOverride(const QString& dir) {
    RunSettings s = settingsPanel_->userSettings();  // not the open model's fixed batch
    s.dataDir = dir;
    s.evaluate = true;
    settingsPanel_->setSettings(s, /*persist=*/false);
}

void MainWindow::startRun() {
    if (!document_ || !document_->session) return;
    if (running_) runCancel_.cancel();     // superseded: its result is dropped by generation
    const RunSettings settings = settingsPanel_->settings();
    if (const QString error = settingsPanel_->validationError(); !error.isEmpty()) {
        statusBar()->showMessage(tr("Run settings: %1").arg(error));
        emit runFailed(error);
        return;
    }
    const quint64 generation = ++runGeneration_;
    runCancel_ = CancelToken();
    running_ = true;
    runSettingsLine_ = settingsSummary(settings);
    runSettings_ = settings;
    runTimer_.start();
    progress_->setValue(0);
    progress_->setFormat(tr("starting… %p%"));
    progress_->show();
    cancelButton_->show();
    updateRunEnabled();
    statusBar()->showMessage(tr("Running FP32 vs INT8 (%1)…").arg(runSettingsLine_));

    RunRequest request;
    request.session = document_->session;
    request.config = settings.config;
    request.evaluate = settings.evaluate;
    request.dataDir = std::filesystem::path(QFile::encodeName(settings.dataDir).toStdString());
    request.evalImages = settings.evalImages;

    // Progress: posted to the UI only when the shown permille or the stage changes.
    auto receiver = jobs_;
    // ... and at most every 150 ms, during the timed runs every 2 s: each update repaints, and on
    // a two-core machine a repaint takes a core from the runs (under xvfb they timed 30-50 %
    // slower with every update shown).
    auto lastShown = std::make_shared<std::pair<int, std::string>>(-1, std::string());
    auto mutex = std::make_shared<std::mutex>();
    auto lastPost = std::make_shared<std::chrono::steady_clock::time_point>();
    ProgressFn progress = [receiver, generation, lastShown, lastPost, mutex, this](double f, const std::string& stage) {
        const int permille = int(f * 1000);
        {
            std::lock_guard lock(*mutex);
            if (permille == lastShown->first && stage == lastShown->second) return;
            const auto now = std::chrono::steady_clock::now();
            const bool timing = stage.find(profile::kTimedRunStage) != std::string::npos;
            if (now - *lastPost < std::chrono::milliseconds(timing ? 2000 : 150)) return;
            *lastPost = now;
            *lastShown = {permille, stage};
        }
        // `this` is only used on the UI thread, after the receiver checked it is alive.
        receiver->post([this, generation, permille, stage] {
            if (generation != runGeneration_ || !running_) return;
            progress_->setValue(permille);
            progress_->setFormat(QStringLiteral("%1 %p%").arg(QString::fromStdString(stage)));
        });
    };
    session::Job job{runCancel_, progress};
    // A run that throws (a bug: every expected failure comes back as a Status) fails like any other.
    runInBackground(jobs_, [request, job] {
        try {
            return std::make_shared<const RunOutcome>(runComparison(request, job));
        } catch (const std::exception& e) {
            RunOutcome failed;
            failed.error = std::string("internal error: ") + e.what();
            return std::make_shared<const RunOutcome>(std::move(failed));
        }
    },
                    [this, generation](std::shared_ptr<const RunOutcome> out) {
                        if (generation != runGeneration_) return;   // superseded or the model changed
                        running_ = false;
                        progress_->hide();
                        cancelButton_->hide();
                        updateRunEnabled();
                        const double ms = double(runTimer_.nsecsElapsed()) / 1e6;
                        if (out->cancelled || runCancel_.isCancelled()) {
                            statusBar()->showMessage(tr("Run cancelled after %1 s; the previous results stay.").arg(ms / 1000, 0, 'f', 1));
                            emit runCancelled();
                            return;
                        }
                        if (!out->error.empty()) {
                            const QString message = QString::fromStdString(out->error);
                            statusBar()->showMessage(tr("Run failed: %1").arg(message));
                            auto* box = new QMessageBox(QMessageBox::Warning, tr("Run failed"), message, QMessageBox::Ok, this);
                            box->setObjectName(QStringLiteral("runErrorBox"));
                            box->setAttribute(Qt::WA_DeleteOnClose);
                            box->open();
                            emit runFailed(message);
                            return;
                        }
                        shownSettingsLine_ = runSettingsLine_;
                        shownSettings_ = runSettings_;
                        applyRun(std::move(out));
                        statusBar()->showMessage(tr("Run finished in %1 s; results shown %2 s after the click.")
                                                     .arg(run_->ms / 1000, 0, 'f', 1)
                                                     .arg(double(runTimer_.nsecsElapsed()) / 1e9, 0, 'f', 1));
                        emit runFinished();
                    });
}

void MainWindow::cancelRun() {
    if (!running_) return;
    runCancel_.cancel();
    progress_->setFormat(tr("cancelling… %p%"));
    cancelAction_->setEnabled(false);
    statusBar()->showMessage(tr("Cancelling the run…"));
}

void MainWindow::applyRun(std::shared_ptr<const RunOutcome> outcome) {
    run_ = std::move(outcome);
    layerModel_->setResult(run_->result);
    charts_->setResult(run_->result);
    reportAction_->setEnabled(true);
    for (QAction* a : runExportActions_) a->setEnabled(true);
    layerView_->resizeColumnsToContents();
    for (int c : {LayerTableModel::Layer, LayerTableModel::FusedFrom})
        layerView_->setColumnWidth(c, std::min(layerView_->columnWidth(c), 260));
    updateResultHeader();
    const CpuStatus cpu = describeCpu(run_->result->cpu);
    cpuLabel_->setText(cpu.text);
    cpuLabel_->setToolTip(cpu.details + tr("\n(as used by the last run)"));
    updateTitle();
    applyColorMode(originalPanel_);
    applyColorMode(stagePanel_);
    // refresh the inspector with the run figures
    if (const ir::NodeId s = stagePanel_->selectedNode(); s.valid()) onStageSelected(s.v);
    else if (const ir::NodeId o = originalPanel_->selectedNode(); o.valid()) onOriginalSelected(o.v);
}

QString MainWindow::exportReport(const QString& path, report::Overwrite overwrite) const {
    if (!run_ || !run_->result) return tr("no run to report: run FP32 vs INT8 first");
    report::ReportInput input;
    input.result = run_->result;
    input.fp32Eval = run_->fp32Eval;
    input.int8Eval = run_->int8Eval;
    input.inputs = describeInputs(run_->inputs);
    input.settingsLine = shownSettingsLine_;
    input.generator = QStringLiteral("QuantLens %1").arg(QApplication::applicationVersion());
    return report::writeReport(input, path, overwrite);
}

QByteArray MainWindow::graphImage(GraphPanel* panel, bool svg) const {
    QGraphicsScene* scene = panel->scene();
    if (!scene || !panel->isDrawn()) return {};
    const QRectF source = scene->itemsBoundingRect().adjusted(-20, -20, 20, 20);
    if (source.isEmpty()) return {};
    // PNG: at most 8000 px on the long side; SVG: scene units.
    const double scale = svg ? 1.0 : std::min(2.0, 8000.0 / std::max(source.width(), source.height()));
    const QSize size = (source.size() * scale).toSize().expandedTo(QSize(1, 1));
    auto paint = [scene, source, size](QPainter& p) {
        p.fillRect(QRect(QPoint(0, 0), size), Qt::white);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        scene->render(&p, QRectF(QPointF(0, 0), QSizeF(size)), source);
    };
    if (svg) return report::paintSvg(size, panel->windowTitle(), paint);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    paint(p);
    p.end();
    return report::imagePng(image);
}

void MainWindow::saveWithDialog(const QString& caption, const QString& filter, const QString& baseName,
                                const std::function<QString(const QString&)>& write) {
    const QString dir = document_ ? QString::fromStdString(document_->file.parent_path().string()) : QString();
    QString selected;
    QString path = QFileDialog::getSaveFileName(this, caption, QDir(dir).filePath(baseName), filter, &selected);
    if (path.isEmpty()) return;
    // The dialog asked about overwriting the name it returned; a suffix added here gets asked too.
    const QString suffix = (selected.isEmpty() ? filter : selected).section(QStringLiteral("*."), 1).section(QLatin1Char(')'), 0, 0);
    if (!suffix.isEmpty() && QFileInfo(path).suffix().isEmpty()) {
        path += QLatin1Char('.') + suffix;
        if (QFileInfo::exists(path) &&
            QMessageBox::question(this, caption, tr("%1 already exists. Replace it?").arg(QFileInfo(path).fileName())) != QMessageBox::Yes)
            return;
    }
    const QString error = write(path);
    if (!error.isEmpty()) QMessageBox::warning(this, caption, error);
    else statusBar()->showMessage(tr("Wrote %1").arg(path), 5000);
}

QString MainWindow::resultHeaderText() const {
    QTextDocument doc;
    doc.setHtml(resultHeader_->text());
    return doc.toPlainText();
}

void MainWindow::setColorMode(ColorMode mode) {
    colorMode_ = mode;
    if (colorCombo_->currentIndex() != int(mode)) {
        const QSignalBlocker block(colorCombo_);
        colorCombo_->setCurrentIndex(int(mode));
    }
    updateStageTitle();
    applyColorMode(originalPanel_);
    applyColorMode(stagePanel_);
}

void MainWindow::applyColorMode(GraphPanel* panel) {
    const auto graph = panel->graph();
    if (!graph || !panel->isDrawn()) return;
    if (colorMode_ == ColorMode::OpKind || !run_ || !run_->result) {
        panel->clearOverlay();
        return;
    }
    // Values per fused node, then per node of this panel's graph (itself or via fusedFrom).
    std::map<ir::NodeId, double> byFused;
    int inserted = 0, int8Nodes = 0, f32Nodes = 0;
    for (const LayerRow& r : layerModel_->rows()) {
        if (r.inserted) {
            inserted += r.int8 ? 1 : 0;
            continue;
        }
        switch (colorMode_) {
        case ColorMode::Fp32Latency: if (r.fp32) byFused[r.node] = r.fp32->ms.median; break;
        case ColorMode::Int8Latency: if (r.int8) byFused[r.node] = r.int8->ms.median; break;
        case ColorMode::SpeedUp: if (r.speedUp() > 0) byFused[r.node] = r.speedUp(); break;
        case ColorMode::Sqnr: if (r.error && std::isfinite(r.error->propagated->sqnrDb)) byFused[r.node] = r.error->propagated->sqnrDb; break;
        case ColorMode::Int8Plan:
            if (r.int8) {
                const bool q = r.int8->step.computesInInt8() && !isReferenceStep(r.int8->step);
                byFused[r.node] = q ? 1.0 : 0.0;
                (q ? int8Nodes : f32Nodes)++;
            }
            break;
        default: break;
        }
    }
    std::map<ir::NodeId, double> values;
    for (const ir::NodeId id : graph->nodeIds()) {
        const ir::NodeId f = fusedNodeFor(graph, id);
        if (auto it = byFused.find(f); it != byFused.end()) values[id] = it->second;
    }
    double lo = 1e300, hi = -1e300;
    for (const auto& [id, v] : byFused) lo = std::min(lo, v), hi = std::max(hi, v);
    if (byFused.empty()) lo = 0, hi = 1;
    switch (colorMode_) {
    case ColorMode::Fp32Latency:
    case ColorMode::Int8Latency: {
        const bool log = lo > 0 && hi / lo > 20;
        if (hi <= lo) hi = lo + 1e-6;
        panel->setOverlay(values, colorMode_ == ColorMode::Fp32Latency ? tr("FP32 latency (ms, median)") : tr("INT8 latency (ms, median)"),
                          ColorScale::sequential(lo, hi, log));
        break;
    }
    case ColorMode::SpeedUp: {
        const double r = std::max({hi, 1.0 / std::max(lo, 1e-6), 1.1});
        panel->setOverlay(values, tr("Speed-up FP32/INT8 (×, 1 = same)"), ColorScale::diverging(1.0 / r, 1.0, r, true));
        break;
    }
    case ColorMode::Sqnr:
        // relative: the worst layers red, the best green, so "which layer broke" stands out
        if (hi <= lo) lo = hi - 1.0;
        panel->setOverlay(values, tr("FP32 vs INT8 error: SQNR (dB, higher is better)"), ColorScale::diverging(lo, (lo + hi) / 2, hi));
        break;
    case ColorMode::Int8Plan:
        panel->setOverlay(values, tr("INT8 plan: green int8, red f32 · %1 int8, %2 f32 nodes, %3 inserted steps").arg(int8Nodes).arg(f32Nodes).arg(inserted),
                          ColorScale::diverging(0.0, 0.5, 1.0));
        break;
    default: break;
    }
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

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::setUiLanguage(const QString& code) {
    storeUiLanguage(code);
    applyUiLanguage(code);   // posts QEvent::LanguageChange to every window
    for (QAction* a : findChildren<QAction*>())
        if (a->objectName().startsWith(QLatin1String("language_"))) {
            const QSignalBlocker block(a);
            a->setChecked(a->data().toString() == code);
        }
}

// Everything with text: the bound static texts, then what depends on the state (title, result
// header, digest, inspector, pass changes, CPU line, charts); the settings form is rebuilt.
void MainWindow::retranslate() {
    for (const auto& apply : retranslators_) apply();
    if (run_) shownSettingsLine_ = settingsSummary(shownSettings_);
    if (running_) runSettingsLine_ = settingsSummary(runSettings_);
    rebuildSettingsPanel();
    updateRunEnabled();
    updateTitle();
    originalPanel_->setTitle(tr("Original"));
    if (document_) updateStageTitle();
    else stagePanel_->setTitle(tr("Fused"));
    updateResultHeader();
    emit layerModel_->headerDataChanged(Qt::Horizontal, 0, layerModel_->columnCount() - 1);
    if (layerModel_->rowCount() > 0)
        emit layerModel_->dataChanged(layerModel_->index(0, 0), layerModel_->index(layerModel_->rowCount() - 1, layerModel_->columnCount() - 1));
    emit passModel_->headerDataChanged(Qt::Horizontal, 0, passModel_->columnCount() - 1);
    if (stage_ >= 0) passChanges_->setPlainText(passModel_->changesText(stage_));
    if (const ir::NodeId s = stagePanel_->selectedNode(); s.valid()) onStageSelected(s.v);
    else if (const ir::NodeId o = originalPanel_->selectedNode(); o.valid()) onOriginalSelected(o.v);
    else inspect(nullptr, {}, QString());
    emit inspectorModel_->headerDataChanged(Qt::Horizontal, 0, 1);
    rebuildRecentMenu();
    if (run_ && run_->result) {
        const CpuStatus cpu = describeCpu(run_->result->cpu);
        cpuLabel_->setText(cpu.text);
        cpuLabel_->setToolTip(cpu.details + tr("\n(as used by the last run)"));
    } else {
        probeCpu();
    }
    if (document_ && !running_) statusBar()->clearMessage();
    else if (!document_) statusBar()->showMessage(tr("Open an ONNX model (File > Open, or drop it here)."));
    if (run_) applyColorMode(originalPanel_), applyColorMode(stagePanel_);
}

void MainWindow::rebuildSettingsPanel() {
    if (!settingsPanel_) return;
    const RunSettings s = settingsPanel_->userSettings();  // not the open model's fixed batch
    const bool persist = settingsPanel_->persists();
    auto* fresh = new SettingsPanel(settingsScroll_);
    fresh->setModelBatch(modelBatch());
    fresh->setSettings(s, persist);
    settingsScroll_->setWidget(fresh);   // deletes the old form
    settingsPanel_ = fresh;
    connect(settingsPanel_, &SettingsPanel::settingsChanged, this, [this] {
        updateRunEnabled();
        updateTitle();
    });
}

void MainWindow::updateResultHeader() {
    if (run_ && run_->result) {
        const RunDigest d = digestRun(*run_->result);
        resultHeader_->setStyleSheet(QString());
        resultHeader_->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        resultHeader_->setText(resultHeaderHtml(*run_, d, shownSettingsLine_));
    } else if (document_) {
        resultHeader_->setText(tr("Press Run FP32 vs INT8 (Ctrl+R) for per-layer results."));
    } else {
        resultHeader_->setText(tr("Open a model and press Run FP32 vs INT8 (Ctrl+R): per-layer FP32 and INT8 latency, speed-up, "
                                  "implementation, memory format and dtype appear here."));
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings().setValue(QStringLiteral("mainWindow/state"), saveState());
    QMainWindow::closeEvent(event);
}

}  // namespace ql::gui
