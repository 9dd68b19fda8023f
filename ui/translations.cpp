#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Kontor::Ui {

namespace {

// The translators live as children of the application object under this name, so switching
// finds and removes exactly the ones installed here, whoever else installed translators.
const QString kTranslatorName = u"kontor-translator"_s;
const QString kSettingKey = u"language"_s;

bool haveTranslation(const QString &code)
{
    return code == u"en"_s || code == u"it"_s;
}

QLocale localeFor(const QString &code, bool followSystem)
{
    const QLocale system = QLocale::system();
    // Keep the system's regional formats when they belong to the chosen language (it_CH stays
    // it_CH), otherwise take the language's main region.
    if (followSystem || system.name().startsWith(code + u'_') || system.name() == code)
        return system;
    return QLocale(code);
}

// The texts of Qt's standard buttons (Save, Cancel, Close of QDialogButtonBox and QMessageBox)
// and a few other texts Qt shows come from Qt's own translations, which not every installation
// has: Debian, for one, ships them in a package of their own. Kontor's files carry them too, in
// the contexts Qt looks them up in, so its dialogs are never half English; lupdate picks them up
// from this list.
[[maybe_unused]] const char *const kQtOwnTexts[] = {
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    // GNOME's platform theme uses texts of its own.
    QT_TRANSLATE_NOOP("QGnomeTheme", "&OK"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Save"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Close"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "Close without Saving"),
    // The scroll buttons of a tab bar too narrow for its tabs, as screen readers name them.
    QT_TRANSLATE_NOOP("QTabBar", "Scroll Left"),
    QT_TRANSLATE_NOOP("QTabBar", "Scroll Right"),
};

} // namespace

QList<Language> availableLanguages()
{
    return {
        {QString(), QCoreApplication::translate("Kontor::Ui::Language", "System")},
        {u"en"_s, u"English"_s},
        {u"it"_s, u"Italiano"_s},
    };
}

QString languageSetting()
{
    return QSettings().value(kSettingKey).toString();
}

void setLanguageSetting(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(kSettingKey);
    else
        settings.setValue(kSettingKey, code);
}

QString resolveLanguage(const QString &code)
{
    if (!code.isEmpty())
        return haveTranslation(code) ? code : u"en"_s;
    const QStringList preferred = QLocale::system().uiLanguages();
    for (const QString &tag : preferred) {
        const QString language = tag.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
        if (haveTranslation(language))
            return language;
    }
    return u"en"_s;
}

QString applyLanguage(const QString &code)
{
    auto *app = QCoreApplication::instance();
    const QString language = resolveLanguage(code);
    QLocale::setDefault(localeFor(language, code.isEmpty()));
    if (!app)
        return language;

    const auto installed
        = app->findChildren<QTranslator *>(kTranslatorName, Qt::FindDirectChildrenOnly);
    for (QTranslator *t : installed) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    app->setProperty("kontorLanguage", language);

    const auto install = [app](const QString &file, const QString &dir) {
        auto *translator = new QTranslator(app);
        translator->setObjectName(kTranslatorName);
        if (translator->load(file, dir))
            QCoreApplication::installTranslator(translator);
        else
            delete translator;
    };
    // Qt's own strings (standard buttons, context menus of line edits) when the distribution
    // ships them; Kontor's texts override them, being installed last. English is the source
    // language: its file only carries the plural forms ("1 change", "2 changes").
    if (language != u"en"_s)
        install(u"qtbase_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    install(u"kontor_"_s + language, u":/kontor/i18n"_s);
    return language;
}

QString currentLanguage()
{
    const auto *app = QCoreApplication::instance();
    const QString language = app ? app->property("kontorLanguage").toString() : QString();
    return language.isEmpty() ? u"en"_s : language;
}

} // namespace Kontor::Ui
