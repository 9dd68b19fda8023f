// kontor: the desktop program. Sets up the application (names, language, icon) and hands over to
// the AppController, which opens a ledger or runs the first-run setup.
#include "appcontroller.h"
#include "translations.h"

#include <QApplication>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Kontor"));
    QCoreApplication::setApplicationName(QStringLiteral("Kontor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KONTOR_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.kontor.Kontor"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/kontor/icons/kontor.svg")));
    // The controller decides when the program ends: switching ledgers closes a window without
    // ending anything, and the setup runs before any main window exists.
    QApplication::setQuitOnLastWindowClosed(false);

    Kontor::Ui::applyLanguage(Kontor::Ui::languageSetting());

    Kontor::AppController controller;
    if (!controller.start(QCoreApplication::arguments()))
        return 1;
    return app.exec();
}
