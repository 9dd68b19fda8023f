// kontor-cli: scriptable access to a Kontor ledger file. Only the pdf command needs fonts and
// therefore a QGuiApplication; every other command runs on QCoreApplication, without a display.
#include "cli.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>

#include <memory>

int main(int argc, char *argv[])
{
    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    std::unique_ptr<QCoreApplication> app;
    if (Kontor::Cli::needsGui(arguments)) {
        // Rendering must work on a headless server or in CI.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    // The model's progress notes (migrations, ...) would mix with a script's output; warnings
    // stay on. QT_LOGGING_RULES still overrides this when someone needs the detail.
    QLoggingCategory::setFilterRules(QStringLiteral("kontor.*.debug=false\nkontor.*.info=false"));
    QCoreApplication::setApplicationName(QStringLiteral("kontor-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Kontor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KONTOR_VERSION));
    // The application's own decoding of the command line (wide characters on Windows).
    return Kontor::Cli::run(QCoreApplication::arguments());
}
