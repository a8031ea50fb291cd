#include "app/gui/settings_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>

namespace ql::gui {
namespace {

QSpinBox* spin(int lo, int hi, QWidget* parent, const QString& special = {}) {
    auto* s = new QSpinBox(parent);
    s->setRange(lo, hi);
    if (!special.isEmpty()) s->setSpecialValueText(special);
    return s;
}

QComboBox* combo(const QStringList& items, QWidget* parent) {
    auto* c = new QComboBox(parent);
    c->addItems(items);
    // may be narrower than its longest item: the settings dock is ~300 px wide
    c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    c->setMinimumContentsLength(8);
    return c;
}

QStringList splitList(const QString& text) {
    QStringList out;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty()) out << part.trimmed();
    return out;
}

}  // namespace

SettingsPanel::SettingsPanel(QWidget* parent) : QWidget(parent) {
    auto* form = new QFormLayout(this);
    form->setContentsMargins(6, 4, 6, 4);
    form->setVerticalSpacing(3);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    // Calibration: every candidate listed; the core's validation disables what it lacks.
    method_ = new QComboBox(this);
    method_->setObjectName(QStringLiteral("calibrationMethod"));
    for (const QString& m : calibrationMethodCandidates()) {
        method_->addItem(m);
        const QString why = calibrationMethodUnavailable(m);
        if (!why.isEmpty()) {
            auto* model = qobject_cast<QStandardItemModel*>(method_->model());
            QStandardItem* item = model->item(method_->count() - 1);
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            item->setToolTip(why);
            item->setText(tr("%1 (not available)").arg(m));
            item->setData(m, Qt::UserRole);
        } else {
            method_->setItemData(method_->count() - 1, m, Qt::UserRole);
        }
    }
    form->addRow(tr("Calibration"), method_);
    percentile_ = new QDoubleSpinBox(this);
    percentile_->setRange(50.0, 100.0);
    percentile_->setDecimals(3);
    percentile_->setValue(99.99);
    percentile_->setToolTip(tr("Share of the values kept inside the range; the rest are clipped."));
    percentileLabel_ = new QLabel(tr("Percentile"), this);
    form->addRow(percentileLabel_, percentile_);
    samples_ = spin(1, 60000, this);
    samples_->setObjectName(QStringLiteral("calibrationSamples"));
    samples_->setToolTip(tr("Calibration images from the data set's train split; used when accuracy is evaluated (without a data set, "
                            "INT8 calibrates on the profiled inputs)."));
    form->addRow(tr("Samples"), samples_);
    weights_ = combo({tr("s8 per output channel"), tr("s8 per tensor")}, this);
    weights_->setToolTip(tr("One weight scale per output channel, or one for the whole tensor."));
    form->addRow(tr("Weights"), weights_);
    activations_ = combo({tr("symmetric s8"), tr("asymmetric u8")}, this);
    form->addRow(tr("Activations"), activations_);
    sevenBit_ = combo({tr("auto (without VNNI)"), tr("on"), tr("off")}, this);
    sevenBit_->setToolTip(tr("7-bit activations avoid u8×s8 saturation on CPUs without VNNI."));
    form->addRow(tr("7-bit"), sevenBit_);
    executor_ = combo({QStringLiteral("planned"), QStringLiteral("eager"), QStringLiteral("reference")}, this);
    form->addRow(tr("Executor"), executor_);
    layout_ = combo({QStringLiteral("auto"), QStringLiteral("nchw"), QStringLiteral("nhwc"), QStringLiteral("blocked")}, this);
    form->addRow(tr("Layout"), layout_);
    tune_ = new QCheckBox(tr("time the candidates"), this);  // short: the dock is narrow; the tooltip says more
    tune_->setObjectName(QStringLiteral("tuneKernels"));
    tune_->setToolTip(tr("Times oneDNN's implementations of each convolution that keep its layouts and runs the fastest; "
                         "the plan takes longer to build. Off: oneDNN's first choice."));
    form->addRow(tr("Kernels"), tune_);
    rowBands_ = new QCheckBox(tr("row bands"), this);
    rowBands_->setObjectName(QStringLiteral("rowBands"));
    rowBands_->setToolTip(tr("Runs consecutive NHWC convolutions at batch 1 as one parallel region, each thread a band of rows: "
                             "one thread start per run of layers instead of per layer. Off: oneDNN's own threading per layer."));
    form->addRow(tr("Threading"), rowBands_);
    threads_ = spin(0, 1024, this, tr("all cores"));
    threads_->setObjectName(QStringLiteral("runThreads"));
    form->addRow(tr("Threads"), threads_);
    batch_ = spin(1, 4096, this);
    batch_->setObjectName(QStringLiteral("runBatch"));
    form->addRow(tr("Batch"), batch_);
    auto* runs = new QWidget(this);
    auto* runsLayout = new QHBoxLayout(runs);
    runsLayout->setContentsMargins(0, 0, 0, 0);
    warmup_ = spin(0, 10000, runs);
    repeat_ = spin(1, 100000, runs);
    warmup_->setToolTip(tr("Warm-up runs (not timed)"));
    repeat_->setToolTip(tr("Timed runs"));
    runsLayout->addWidget(warmup_);
    runsLayout->addWidget(new QLabel(QStringLiteral("+"), runs));
    runsLayout->addWidget(repeat_);
    form->addRow(tr("Warm-up + runs"), runs);
    maxIsa_ = new QLineEdit(this);
    maxIsa_->setPlaceholderText(tr("all (e.g. avx2)"));
    form->addRow(tr("Max ISA"), maxIsa_);
    fallback_ = new QLineEdit(this);
    fallback_->setPlaceholderText(tr("node names or op types, comma-separated"));
    fallback_->setToolTip(tr("Kept in FP32 in INT8 runs."));
    form->addRow(tr("FP32 fallback"), fallback_);

    auto* dataBox = new QWidget(this);
    auto* dataLayout = new QHBoxLayout(dataBox);
    dataLayout->setContentsMargins(0, 0, 0, 0);
    dataDir_ = new QLineEdit(dataBox);
    dataDir_->setToolTip(tr("Folder with the four Fashion-MNIST IDX files"));
    auto* browse = new QToolButton(dataBox);
    browse->setText(QStringLiteral("…"));
    dataLayout->addWidget(dataDir_, 1);
    dataLayout->addWidget(browse);
    form->addRow(tr("Data set"), dataBox);
    auto* evalBox = new QWidget(this);
    auto* evalLayout = new QHBoxLayout(evalBox);
    evalLayout->setContentsMargins(0, 0, 0, 0);
    evaluate_ = new QCheckBox(tr("top-1/top-5 on"), evalBox);
    evaluate_->setObjectName(QStringLiteral("evaluateAccuracy"));
    evalImages_ = spin(0, 10000, evalBox, tr("all"));
    evalImages_->setSuffix(tr(" images"));
    evalLayout->addWidget(evaluate_);
    evalLayout->addWidget(evalImages_, 1);
    form->addRow(tr("Accuracy"), evalBox);
    error_ = new QLabel(this);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020"));
    form->addRow(error_);

    connect(browse, &QToolButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Fashion-MNIST folder"), dataDir_->text());
        if (!dir.isEmpty()) dataDir_->setText(dir), readForm();
    });
    connect(percentile_, &QDoubleSpinBox::valueChanged, this, &SettingsPanel::readForm);
    for (QComboBox* c : {method_, weights_, activations_, sevenBit_, executor_, layout_})
        connect(c, &QComboBox::currentIndexChanged, this, &SettingsPanel::readForm);
    for (QSpinBox* s : {samples_, threads_, batch_, warmup_, repeat_, evalImages_})
        connect(s, &QSpinBox::valueChanged, this, &SettingsPanel::readForm);
    for (QLineEdit* e : {maxIsa_, fallback_, dataDir_}) connect(e, &QLineEdit::editingFinished, this, &SettingsPanel::readForm);
    for (QCheckBox* b : {evaluate_, tune_, rowBands_}) connect(b, &QCheckBox::toggled, this, &SettingsPanel::readForm);

    loadFromSettings();
}

void SettingsPanel::loadFromSettings() {
    QSettings store;
    const RunSettings s = loadRunSettings(store);
    setSettings(s, true);
}

void SettingsPanel::setSettings(const RunSettings& s, bool persist) {
    filling_ = true;
    settings_ = s;
    persist_ = persist;
    userBatch_ = s.config.batch;
    settings_.config.batch = modelBatch_.value_or(userBatch_);
    const session::RunConfig& c = s.config;
    const int m = method_->findData(QString::fromStdString(c.calibration.method), Qt::UserRole);
    method_->setCurrentIndex(m >= 0 ? m : 0);
    samples_->setValue(int(std::min<int64_t>(c.calibration.samples, 60000)));
    percentile_->setValue(c.calibration.percentile);
    weights_->setCurrentIndex(c.calibration.perTensorWeights ? 1 : 0);
    activations_->setCurrentIndex(c.asymmetricActivations ? 1 : 0);
    sevenBit_->setCurrentIndex(!c.sevenBitActivations ? 0 : *c.sevenBitActivations ? 1 : 2);
    executor_->setCurrentText(QString::fromStdString(c.executor));
    layout_->setCurrentText(QString::fromStdString(runtime::layoutName(c.layout)));
    tune_->setChecked(c.tuneKernels);
    rowBands_->setChecked(c.rowBands);
    threads_->setValue(c.threads);
    batch_->setValue(int(settings_.config.batch));
    warmup_->setValue(c.warmup);
    repeat_->setValue(c.repeat);
    maxIsa_->setText(QString::fromStdString(c.maxIsa));
    QStringList fb;
    for (const auto& n : c.fp32Fallback) fb << QString::fromStdString(n);
    fallback_->setText(fb.join(QStringLiteral(", ")));
    dataDir_->setText(s.dataDir);
    evaluate_->setChecked(s.evaluate);
    evalImages_->setValue(s.evalImages);
    filling_ = false;
    updateEnabled();
    error_->setText(validationError());
    if (persist_ && validationError().isEmpty()) save();
    emit settingsChanged();
}

QString SettingsPanel::validationError() const {
    const Status s = settings_.config.validate();
    return s.isOk() ? QString() : QString::fromStdString(s.message());
}

void SettingsPanel::setModelBatch(std::optional<int64_t> fixed) {
    modelBatch_ = fixed;
    settings_.config.batch = fixed.value_or(userBatch_);
    filling_ = true;
    batch_->setValue(int(settings_.config.batch));
    filling_ = false;
    batch_->setToolTip(fixed ? tr("This model fixes its batch at %1 (its input shape declares it), so it runs at that batch only. "
                                  "Export it with a symbolic batch dimension to run others.")
                                   .arg(*fixed)
                             : QString());
    updateEnabled();
    emit settingsChanged();
}

void SettingsPanel::updateEnabled() {
    batch_->setEnabled(!modelBatch_);
    const bool percentile = method_->currentData(Qt::UserRole).toString() == QLatin1String("percentile");
    percentile_->setVisible(percentile);
    percentileLabel_->setVisible(percentile);
    evalImages_->setEnabled(evaluate_->isChecked());
    samples_->setEnabled(evaluate_->isChecked());  // calibration images come from the data set
}

void SettingsPanel::readForm() {
    if (filling_) return;
    session::RunConfig& c = settings_.config;
    c.calibration.method = method_->currentData(Qt::UserRole).toString().toStdString();
    c.calibration.samples = samples_->value();
    c.calibration.percentile = percentile_->value();
    c.calibration.perTensorWeights = weights_->currentIndex() == 1;
    c.asymmetricActivations = activations_->currentIndex() == 1;
    c.sevenBitActivations = sevenBit_->currentIndex() == 0 ? std::optional<bool>() : std::optional<bool>(sevenBit_->currentIndex() == 1);
    c.executor = executor_->currentText().toStdString();
    if (auto l = runtime::parseLayout(layout_->currentText().toStdString())) c.layout = *l;
    c.tuneKernels = tune_->isChecked();
    c.rowBands = rowBands_->isChecked();
    c.threads = threads_->value();
    if (!modelBatch_) userBatch_ = batch_->value();
    c.batch = modelBatch_.value_or(userBatch_);
    c.warmup = warmup_->value();
    c.repeat = repeat_->value();
    c.maxIsa = maxIsa_->text().trimmed().toStdString();
    c.fp32Fallback.clear();
    for (const QString& n : splitList(fallback_->text())) c.fp32Fallback.push_back(n.toStdString());
    settings_.dataDir = dataDir_->text().trimmed();
    settings_.evaluate = evaluate_->isChecked();
    settings_.evalImages = evalImages_->value();
    updateEnabled();
    const QString error = validationError();
    error_->setText(error);
    if (persist_ && error.isEmpty()) save();
    emit settingsChanged();
}

RunSettings SettingsPanel::userSettings() const {
    RunSettings s = settings_;
    s.config.batch = userBatch_;
    return s;
}

void SettingsPanel::save() const {
    QSettings store;
    saveRunSettings(store, userSettings());
}

}  // namespace ql::gui
