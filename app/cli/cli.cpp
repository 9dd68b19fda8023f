#include "cli.h"

#include "commands.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Kontor::Cli {

namespace {

const QString kProgram = u"kontor-cli"_s;

QList<CommandSpec> allCommands()
{
    QList<CommandSpec> all = ledgerCommands();
    all += partyCommands();
    all += documentCommands();
    all += syncCommands();
    return all;
}

// The options before the command words, and the words and arguments after them.
struct GlobalLine
{
    QString ledger;
    bool json = false;
    bool help = false;
    bool version = false;
    QStringList words; // everything from the first positional argument on
};

Result<GlobalLine> parseGlobal(const QStringList &arguments)
{
    QCommandLineParser p;
    // Everything after the command word belongs to the command's own parser.
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    p.addOption(QCommandLineOption({u"h"_s, u"help"_s}, u"Show the help."_s));
    p.addOption(QCommandLineOption(u"version"_s, u"Show the version."_s));
    p.addOption(QCommandLineOption({u"l"_s, u"ledger"_s}, u"The ledger file."_s, u"FILE"_s));
    p.addOption(QCommandLineOption(u"json"_s, u"JSON output."_s));
    if (!p.parse(arguments))
        return usageError(p.errorText());
    GlobalLine g;
    g.ledger = p.value(u"ledger"_s);
    g.json = p.isSet(u"json"_s);
    g.help = p.isSet(u"help"_s);
    g.version = p.isSet(u"version"_s);
    g.words = p.positionalArguments();
    return g;
}

// Finds the command named by the first one or two words; `rest` gets the arguments after them.
Result<CommandSpec> findCommand(const QList<CommandSpec> &all, const QStringList &words,
                                QStringList *rest)
{
    const QString group = words.value(0);
    QStringList verbs;
    for (const CommandSpec &c : all) {
        if (c.group != group)
            continue;
        if (c.verb.isEmpty()) {
            *rest = words.mid(1);
            return c;
        }
        verbs << c.verb;
    }
    if (verbs.isEmpty())
        return usageError(u"unknown command '%1'"_s.arg(group));
    const QString verb = words.value(1);
    for (const CommandSpec &c : all) {
        if (c.group == group && c.verb == verb) {
            *rest = words.mid(2);
            return c;
        }
    }
    if (verb.isEmpty() || verb.startsWith(u'-'))
        return usageError(u"'%1' needs a subcommand: %2"_s.arg(group, verbs.join(u", "_s)));
    return usageError(
        u"unknown command '%1 %2'; '%1' has: %3"_s.arg(group, verb, verbs.join(u", "_s)));
}

QString overviewText(const QList<CommandSpec> &all)
{
    QString text = u"Usage: %1 [--ledger FILE] [--json] COMMAND [options]\n\n"
                   "Scriptable access to a Kontor ledger file.\n\nCommands:\n"_s.arg(kProgram);
    qsizetype width = 0;
    for (const CommandSpec &c : all)
        width = qMax(width, c.words().size());
    for (const CommandSpec &c : all)
        text += u"  "_s + c.words().leftJustified(width + 2) + c.summary + u'\n';
    text += u"\nGlobal options (also accepted after the command):\n"
            "  -l, --ledger FILE  the ledger file (default: $KONTOR_LEDGER)\n"
            "  --json             write results as JSON on standard output\n"
            "  -h, --help         show help; '%1 help COMMAND' or '%1 COMMAND --help' for one "
            "command\n"
            "  --version          show the version\n\n"
            "Exit codes: 0 ok, 64 usage error, 65 refused by the ledger's rules, 70 integrity "
            "failure, 74 I/O error.\n"_s.arg(kProgram);
    return text;
}

int fail(Context &ctx, const Error &error, const QString &command)
{
    QString text = kProgram + u": "_s + error.toString();
    if (error.rule == u"usage"_s) {
        text += command.isEmpty()
            ? u"\nRun '%1 --help' for the list of commands."_s.arg(kProgram)
            : u"\nRun '%1 %2 --help' for its options."_s.arg(kProgram, command);
    } else if (!error.rule.isEmpty()) {
        text += u" ("_s + error.rule + u')';
    }
    ctx.message(text);
    return exitCodeFor(error);
}

} // namespace

int exitCodeFor(const Error &error)
{
    switch (error.kind) {
    case ErrorKind::Validation:
    case ErrorKind::NotFound:
    case ErrorKind::Conflict:
        return ExitData;
    case ErrorKind::Integrity:
        return ExitIntegrity;
    case ErrorKind::Io:
        return ExitIo;
    case ErrorKind::Usage:
        return ExitUsage;
    }
    return ExitData;
}

bool needsGui(const QStringList &arguments)
{
    auto global = parseGlobal(arguments);
    return global && global->words.value(0) == u"pdf"_s;
}

int run(const QStringList &arguments)
{
    Context ctx;
    const QList<CommandSpec> all = allCommands();
    auto global = parseGlobal(arguments);
    if (!global)
        return fail(ctx, global.error(), {});
    if (global->version) {
        ctx.out() << kProgram << u' ' << QStringLiteral(KONTOR_VERSION) << u'\n';
        return ExitOk;
    }
    QStringList words = global->words;
    bool help = global->help;
    if (words.value(0) == u"help"_s) {
        words.removeFirst();
        help = true;
    }
    if (words.isEmpty()) {
        if (help) {
            ctx.out() << overviewText(all);
            return ExitOk;
        }
        ctx.message(kProgram + u": no command given\n"_s);
        ctx.err() << overviewText(all);
        return ExitUsage;
    }

    QStringList rest;
    auto spec = findCommand(all, words, &rest);
    if (!spec)
        return fail(ctx, spec.error(), {});
    CommandLine line(kProgram, spec->words(), spec->summary);
    spec->declare(line);
    if (help)
        rest.prepend(u"--help"_s);
    if (Status parsed = line.parse(rest); !parsed)
        return fail(ctx, parsed.error(), spec->words());
    if (line.isSet(u"help"_s)) {
        ctx.out() << line.helpText();
        return ExitOk;
    }

    ctx.json = global->json || line.isSet(u"json"_s);
    ctx.ledgerPath = line.isSet(u"ledger"_s) ? line.value(u"ledger"_s) : global->ledger;
    if (ctx.ledgerPath.isEmpty())
        ctx.ledgerPath = qEnvironmentVariable("KONTOR_LEDGER");
    Status result = spec->run(ctx, line);
    ctx.closeLedger();
    if (!result)
        return fail(ctx, result.error(), spec->words());
    return ExitOk;
}

} // namespace Kontor::Cli
