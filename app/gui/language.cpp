#include "app/gui/language.h"

#include <QCoreApplication>
#include <QDebug>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace ql::gui {
namespace {

const QString kKey = QStringLiteral("ui/language");
QString g_current = QStringLiteral("en");

class LanguageHook : public QObject {
public:
    LanguageHook(QObject* owner, std::function<void()> apply) : QObject(owner), apply_(std::move(apply)) {}
    bool event(QEvent* e) override {
        if (e->type() == QEvent::LanguageChange) apply_();
        return QObject::event(e);
    }

private:
    std::function<void()> apply_;
};

// The translators this module installed (owned by the application object).
QList<QTranslator*>& installed() {
    static QList<QTranslator*> list;
    return list;
}

}  // namespace

QList<UiLanguage> uiLanguages() {
    return {{QString(), QCoreApplication::translate("Language", "System")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QString storedUiLanguage() {
    const QString code = QSettings().value(kKey).toString();
    for (const UiLanguage& l : uiLanguages())
        if (l.code == code) return code;
    return {};
}

void storeUiLanguage(const QString& code) { QSettings().setValue(kKey, code); }

QString resolveUiLanguage(const QString& code) {
    if (!code.isEmpty()) return code;
    // The system locale's first UI language we have (LANG=de_DE.UTF-8 -> "de").
    for (const QString& name : QLocale::system().uiLanguages()) {
        const QLocale l(name);
        if (l.language() == QLocale::German) return QStringLiteral("de");
        if (l.language() == QLocale::Chinese) return QStringLiteral("zh_CN");
        if (l.language() == QLocale::English) return QStringLiteral("en");
    }
    return QStringLiteral("en");
}

QString applyUiLanguage(const QString& code) {
    auto* app = QCoreApplication::instance();
    for (QTranslator* t : installed()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    installed().clear();
    const QString lang = resolveUiLanguage(code);
    g_current = lang;
    const QLocale locale(lang == QLatin1String("zh_CN") ? QLocale(QLocale::Chinese, QLocale::China)
                         : lang == QLatin1String("de")  ? QLocale(QLocale::German, QLocale::Germany)
                                                        : QLocale(QLocale::English, QLocale::UnitedStates));
    QLocale::setDefault(locale);
    if (lang == QLatin1String("en")) {
        // No translator: the source texts are English. Removing the others posts LanguageChange.
        if (app) QCoreApplication::postEvent(app, new QEvent(QEvent::LanguageChange));
        return lang;
    }
    // Qt's own strings (dialog buttons, context menus) when the distribution ships them.
    auto* qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        installed() << qt;
    } else {
        delete qt;
    }
    auto* ours = new QTranslator(app);
    if (ours->load(QStringLiteral(":/i18n/quantlens_%1.qm").arg(lang))) {
        QCoreApplication::installTranslator(ours);
        installed() << ours;
    } else {
        qWarning("quantlens: no translation for %s (:/i18n/quantlens_%s.qm)", qPrintable(lang), qPrintable(lang));
        delete ours;
    }
    return lang;
}

QString currentUiLanguage() { return g_current; }

void onLanguageChange(QObject* owner, std::function<void()> apply) {
    apply();
    new LanguageHook(owner, std::move(apply));
}

}  // namespace ql::gui
