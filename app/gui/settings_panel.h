#pragma once
// The run settings dock: a form over RunSettings (calibration, activations, 7-bit, executor,
// layout, threads, batch, warm-up/repeats, ISA cap, FP32 fallbacks, data set and accuracy).
// Every edit is validated by the core's RunConfig::validate() and, when persistence is on,
// written to QSettings at once, so the settings survive restarts.
#include <QWidget>
#include <optional>

#include "app/gui/run_settings.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace ql::gui {

class SettingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit SettingsPanel(QWidget* parent = nullptr);

    // Fills the form. persist = false: a one-off override (command line) not written back.
    void setSettings(const RunSettings& s, bool persist = true);
    const RunSettings& settings() const { return settings_; }
    bool persists() const { return persist_; }   // false after a command-line override
    QString validationError() const;   // empty when the config is runnable
    // The open model's fixed batch (its inputs declare [1,3,224,224]): the batch field shows it,
    // read-only, and settings() carry it; the user's own batch is kept (and saved) for other models.
    void setModelBatch(std::optional<int64_t> fixed);
    // settings() with the user's own batch instead of the model's: what is saved, and what a
    // rebuilt or overridden form starts from
    RunSettings userSettings() const;
    void loadFromSettings();           // QSettings -> form (called by the constructor)

signals:
    void settingsChanged();

private:
    void readForm();                   // form -> settings_, validate, save, emit
    void updateEnabled();
    void save() const;                 // settings_ -> QSettings (with the user's own batch)

    RunSettings settings_;
    bool filling_ = false;
    bool persist_ = true;
    std::optional<int64_t> modelBatch_;  // the open model's fixed batch
    int64_t userBatch_ = 1;              // the batch field's value for models with a symbolic batch
    QComboBox* method_ = nullptr;
    QDoubleSpinBox* percentile_ = nullptr;
    QComboBox* weights_ = nullptr;
    QLabel* percentileLabel_ = nullptr;
    QSpinBox* samples_ = nullptr;
    QComboBox* activations_ = nullptr;
    QComboBox* sevenBit_ = nullptr;
    QComboBox* executor_ = nullptr;
    QComboBox* layout_ = nullptr;
    QCheckBox* tune_ = nullptr;
    QCheckBox* rowBands_ = nullptr;
    QSpinBox* threads_ = nullptr;
    QSpinBox* batch_ = nullptr;
    QSpinBox* warmup_ = nullptr;
    QSpinBox* repeat_ = nullptr;
    QLineEdit* maxIsa_ = nullptr;
    QLineEdit* fallback_ = nullptr;
    QLineEdit* dataDir_ = nullptr;
    QCheckBox* evaluate_ = nullptr;
    QSpinBox* evalImages_ = nullptr;
    QLabel* error_ = nullptr;
};

}  // namespace ql::gui
