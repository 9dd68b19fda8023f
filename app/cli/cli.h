// The kontor-cli command line: global options, the command table and the mapping of model errors
// to exit codes. main() only picks the application class and calls run(); everything a command
// does lives in the cmd_*.cpp files, so the desktop executable can share app/ without it.
#pragma once

#include "result.h"

#include <QStringList>

namespace Kontor::Cli {

// Exit codes follow BSD sysexits.h, so shell scripts can tell a typo in the command line from a
// refused operation, a broken file and a ledger that fails its audit.
enum ExitCode : int {
    ExitOk = 0,
    ExitUsage = 64, // EX_USAGE: unknown command or option, missing argument
    ExitData = 65, // EX_DATAERR: the model refused the input (validation, conflict, not found)
    ExitIntegrity = 70, // EX_SOFTWARE: the ledger is inconsistent (audit chain, tampering)
    ExitIo = 74, // EX_IOERR: a file is missing, unreadable or not what it should be
};

int exitCodeFor(const Error &error);

// True when the command line asks for the one subcommand that needs a QGuiApplication (pdf);
// decided before any application object exists.
bool needsGui(const QStringList &arguments);

// Runs the command line (arguments[0] is the program) and returns the process exit code.
int run(const QStringList &arguments);

} // namespace Kontor::Cli
