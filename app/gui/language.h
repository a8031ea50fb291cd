#pragma once
// UI language: the translations built into the app (:/i18n/quantlens_<code>.qm), the choice
// remembered in QSettings ("ui/language": "" = follow the system locale, "en", "de", "zh_CN"),
// and a hook that re-applies a widget's texts when the language changes at run time.
#include <QList>
#include <QObject>
#include <QString>
#include <functional>

namespace ql::gui {

struct UiLanguage {
    QString code;        // "" = system
    QString nativeName;  // as shown in the Language menu (System is translated)
};

// System, English, Deutsch, 简体中文.
QList<UiLanguage> uiLanguages();
// The stored choice ("" when none or unknown).
QString storedUiLanguage();
void storeUiLanguage(const QString& code);
// The language a choice resolves to: "de", "zh_CN" or "en" ("" = the system locale's).
QString resolveUiLanguage(const QString& code);
// Installs the app's (and, when present, Qt's own) translator for `code` and sets the default
// QLocale to match. Widgets get QEvent::LanguageChange (posted). Returns the resolved language.
QString applyUiLanguage(const QString& code);
// The language in effect after the last applyUiLanguage ("en" before any).
QString currentUiLanguage();

// Runs `apply` now and again each time `owner` (a widget, or a child of one) gets
// QEvent::LanguageChange. The hook is a child of `owner` and dies with it.
void onLanguageChange(QObject* owner, std::function<void()> apply);

}  // namespace ql::gui
