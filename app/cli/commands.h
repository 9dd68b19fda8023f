// The table of kontor-cli's subcommands. Each cmd_*.cpp file contributes its group; the
// dispatcher (cli.cpp) finds a command by its words, builds its parser and runs it.
#pragma once

#include "command.h"

namespace Kontor::Cli {

struct CommandSpec
{
    QString group; // "invoice"
    QString verb; // "create"; empty for one-word commands such as "init"
    QString summary; // one line for the command list
    void (*declare)(CommandLine &line);
    Status (*run)(Context &ctx, const CommandLine &line);

    QString words() const { return verb.isEmpty() ? group : group + u' ' + verb; }
};

QList<CommandSpec> ledgerCommands(); // init, export, import, verify, pdf
QList<CommandSpec> partyCommands(); // customer, product, tax-rate, series
QList<CommandSpec> documentCommands(); // invoice, quote, credit-note, show
QList<CommandSpec> syncCommands(); // sync signup, signin, once, status, conflicts, signout, lease

} // namespace Kontor::Cli
