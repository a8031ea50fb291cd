// Translations: the .ts files are complete (no unfinished, vanished or obsolete entries, no empty
// translations, every %1/%n of the source kept) and in sync with the sources (lupdate on a copy
// adds nothing); switching the Language menu to German and back re-translates the visible window
// at run time (menus, docks, table headers, tabs, the pass list, the settings form).
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include "app/gui/cpu_status.h"
#include "app/gui/graph_panel.h"
#include "app/gui/language.h"
#include "app/gui/layer_table_model.h"
#include "app/gui/main_window.h"
#include "app/gui/pass_list_model.h"
#include "app/gui/settings_panel.h"

using namespace ql::gui;

namespace {

const QString kModel = QStringLiteral(QL_RESOURCE_DIR "/models/fashion_resnet.onnx");
const QString kSourceDir = QStringLiteral(QL_SOURCE_DIR);
const QStringList kTsFiles{QStringLiteral("quantlens_de.ts"), QStringLiteral("quantlens_zh_CN.ts")};

QSet<QString> placeholders(const QString& text) {
    QSet<QString> out;
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    for (auto it = re.globalMatch(text); it.hasNext();) out.insert(it.next().captured(0));
    return out;
}

// Problems in one .ts file, one line each; `keys` gets context + source of every message.
QStringList checkTs(const QString& path, QSet<QString>* keys = nullptr) {
    QStringList problems;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {path + QStringLiteral(": cannot read")};
    QXmlStreamReader xml(&f);
    QString context, source, translation;
    QStringList forms;
    bool numerus = false;
    QString type;
    int messages = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name")) context = xml.readElementText();
            else if (name == QLatin1String("message")) {
                numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                source.clear(), translation.clear(), forms.clear(), type.clear();
            } else if (name == QLatin1String("source")) source = xml.readElementText();
            else if (name == QLatin1String("translation")) {
                type = xml.attributes().value(QLatin1String("type")).toString();
                if (!numerus) translation = xml.readElementText();
            } else if (name == QLatin1String("numerusform")) forms << xml.readElementText();
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            ++messages;
            const QString where = QStringLiteral("%1 [%2] \"%3\"").arg(QFileInfo(path).fileName(), context, source.left(60));
            if (keys) keys->insert(context + QLatin1Char('\x1f') + source);
            if (!type.isEmpty()) problems << where + QStringLiteral(": type=\"%1\"").arg(type);
            const QStringList texts = numerus ? forms : QStringList{translation};
            if (texts.isEmpty()) problems << where + QStringLiteral(": no plural forms");
            for (const QString& t : texts) {
                if (t.trimmed().isEmpty()) problems << where + QStringLiteral(": empty translation");
                else if (placeholders(t) != placeholders(source)) problems << where + QStringLiteral(": placeholders differ: \"%1\"").arg(t);
            }
        }
    }
    if (xml.hasError()) problems << path + QStringLiteral(": XML error: ") + xml.errorString();
    if (messages < 100) problems << path + QStringLiteral(": only %1 messages").arg(messages);
    return problems;
}

QString menuTitle(MainWindow& w, const char* objectName) {
    auto* m = w.menuBar()->findChild<QMenu*>(QLatin1String(objectName));
    return m ? m->title() : QStringLiteral("<no menu %1>").arg(QLatin1String(objectName));
}

QString header(QAbstractItemModel* m, int section) { return m->headerData(section, Qt::Horizontal).toString(); }

void settle() {
    // LanguageChange is posted to every window; let it arrive and propagate.
    for (int i = 0; i < 3; ++i) QCoreApplication::processEvents();
}

}  // namespace

class I18nTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("QuantLensTest"));
        QCoreApplication::setApplicationName(QStringLiteral("QuantLensI18nTest"));
    }

    void tsFilesComplete() {
        QStringList problems;
        for (const QString& name : kTsFiles) problems << checkTs(QDir(kSourceDir).filePath(QStringLiteral("translations/") + name));
        if (!problems.isEmpty()) QFAIL(qPrintable(QStringLiteral("\n") + problems.join(QLatin1Char('\n'))));
    }

    // lupdate over app/gui and app/report on copies of the .ts files must find nothing new.
    void tsFilesInSyncWithSources() {
        const QString lupdate = QStringLiteral(QL_LUPDATE);
        if (!QFileInfo::exists(lupdate)) QSKIP("lupdate not found");
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        for (const QString& name : kTsFiles) {
            const QString original = QDir(kSourceDir).filePath(QStringLiteral("translations/") + name);
            const QString copy = tmp.filePath(name);
            QVERIFY(QFile::copy(original, copy));
            QProcess p;
            p.setWorkingDirectory(kSourceDir);
            p.start(lupdate, {QStringLiteral("-silent"), QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                              QStringLiteral("-I"), QStringLiteral("."), QStringLiteral("app/gui"), QStringLiteral("app/report"),
                              QStringLiteral("-ts"), copy});
            QVERIFY(p.waitForFinished(60000));
            QCOMPARE(p.exitCode(), 0);
            QSet<QString> before, after;
            checkTs(original, &before);
            const QStringList problems = checkTs(copy, &after);
            if (!problems.isEmpty() || before != after)
                QFAIL(qPrintable(name + QStringLiteral(" is out of date: run scripts/update_translations.sh and translate\n") + problems.join(QLatin1Char('\n'))));
        }
    }

    void systemLocaleGermanPicksGerman() {
        QCOMPARE(resolveUiLanguage(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(resolveUiLanguage(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        // "" follows QLocale::system(), which the test cannot change; it resolves to something we have.
        QVERIFY(QStringList({QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")}).contains(resolveUiLanguage(QString())));
    }

    void switchesToGermanAndBackAtRunTime() {
        applyUiLanguage(QStringLiteral("en"));
        MainWindow w;
        w.show();
        QSignalSpy drawn(&w, &MainWindow::modelDrawn);
        w.openModel(kModel);
        QVERIFY(drawn.wait(30000));
        settle();
        QCOMPARE(menuTitle(w, "fileMenu"), QStringLiteral("&File"));
        QCOMPARE(w.resultsDock()->windowTitle(), QStringLiteral("Per-layer results"));
        QCOMPARE(header(w.layerModel(), LayerTableModel::Layer), QStringLiteral("Layer"));

        w.setUiLanguage(QStringLiteral("de"));
        settle();
        QCOMPARE(currentUiLanguage(), QStringLiteral("de"));
        QCOMPARE(storedUiLanguage(), QStringLiteral("de"));   // remembered
        QCOMPARE(menuTitle(w, "fileMenu"), QStringLiteral("&Datei"));
        QCOMPARE(menuTitle(w, "viewMenu"), QStringLiteral("&Ansicht"));
        QCOMPARE(menuTitle(w, "languageMenu"), QStringLiteral("&Sprache"));
        QCOMPARE(w.runAction()->text(), QStringLiteral("FP32 vs. INT8 ausführen"));
        QCOMPARE(w.resultsDock()->windowTitle(), QStringLiteral("Ergebnisse pro Schicht"));
        QCOMPARE(w.settingsDock()->windowTitle(), QStringLiteral("Laufeinstellungen"));
        QCOMPARE(header(w.layerModel(), LayerTableModel::Layer), QStringLiteral("Schicht"));
        QCOMPARE(header(w.layerModel(), LayerTableModel::SpeedUp), QStringLiteral("Beschleunigung"));
        QCOMPARE(w.layerView()->model()->headerData(LayerTableModel::Layer, Qt::Horizontal).toString(), QStringLiteral("Schicht"));
        QCOMPARE(header(w.passListModel(), PassListModel::Stage), QStringLiteral("Stufe"));
        QCOMPARE(w.resultTabs()->tabText(0), QStringLiteral("Schichten"));
        QCOMPARE(w.resultTabs()->tabText(1), QStringLiteral("Diagramme"));
        QCOMPARE(w.originalPanel()->findChild<QLabel*>()->text(), QStringLiteral("Original"));
        QVERIFY2(w.stagePanel()->findChild<QLabel*>()->text().startsWith(QStringLiteral("Fusioniert")), qPrintable(w.stagePanel()->findChild<QLabel*>()->text()));
        // The settings form was rebuilt in German and kept its values.
        bool calibrationLabel = false;
        for (QLabel* l : w.settingsPanel()->findChildren<QLabel*>()) calibrationLabel |= l->text() == QStringLiteral("Kalibrierung");
        QVERIFY(calibrationLabel);
        QVERIFY(w.runAction()->isEnabled());

        w.setUiLanguage(QStringLiteral("zh_CN"));
        settle();
        QCOMPARE(menuTitle(w, "fileMenu"), QStringLiteral("文件(&F)"));
        QCOMPARE(header(w.layerModel(), LayerTableModel::SpeedUp), QStringLiteral("加速比"));

        w.setUiLanguage(QStringLiteral("en"));
        settle();
        QCOMPARE(menuTitle(w, "fileMenu"), QStringLiteral("&File"));
        QCOMPARE(w.resultsDock()->windowTitle(), QStringLiteral("Per-layer results"));
        QCOMPARE(header(w.layerModel(), LayerTableModel::Layer), QStringLiteral("Layer"));
        QCOMPARE(storedUiLanguage(), QStringLiteral("en"));
    }

    // The status bar's CPU tooltip names the OpenMP runtime, in each language.
    void cpuStatusNamesTheOpenMpRuntime() {
        ql::kernels::onednn::CpuFacts f;
        f.cpuModel = "Test CPU";
        f.isa = "avx2";
        f.onednnVersion = "2.6.3";
        f.openmp = "LLVM libomp";
        f.threads = 2;
        applyUiLanguage(QStringLiteral("en"));
        QVERIFY2(describeCpu(f).details.endsWith(QStringLiteral("oneDNN: 2.6.3 on LLVM libomp")), qPrintable(describeCpu(f).details));
        applyUiLanguage(QStringLiteral("de"));
        QVERIFY2(describeCpu(f).details.endsWith(QStringLiteral("oneDNN: 2.6.3 auf LLVM libomp")), qPrintable(describeCpu(f).details));
        applyUiLanguage(QStringLiteral("en"));
        const CpuStatus probed = probeCpuStatus();  // this process, as built
        QVERIFY(probed.ok);
        QVERIFY2(probed.details.contains(QStringLiteral("libomp")) || probed.details.contains(QStringLiteral("libgomp")), qPrintable(probed.details));
    }

    void cleanupTestCase() { storeUiLanguage(QString()); }
};

QTEST_MAIN(I18nTest)
#include "i18n_test.moc"
