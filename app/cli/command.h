// What every subcommand of kontor-cli shares: its parsed command line (CommandLine), the output
// streams and options of one run (Context), and the helpers that turn command-line text into
// model values (dates, amounts, references to customers, products, tax rates and documents) with
// errors that name the option or field and the rule.
#pragma once

#include "ledger.h"
#include "result.h"
#include "store.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <memory>

namespace Kontor::Cli {

// One subcommand's own parser. The dispatcher adds the options every command accepts (--ledger,
// --json, --help), the command declares the rest.
class CommandLine
{
public:
    CommandLine(QString program, QString command, QString summary);

    void addOption(const QString &name, const QString &description, const QString &valueName = {});
    void addPositional(const QString &name, const QString &description, const QString &syntax);
    void setPositionalRange(int min, int max);
    void addHelpParagraph(const QString &text) { m_paragraphs.append(text); }

    // Parses the arguments after the command words. Usage errors are ErrorKind::Usage.
    Status parse(const QStringList &arguments);

    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    QStringList values(const QString &name) const { return m_parser.values(name); }
    // The value of an option the command cannot do without; a missing one is a usage error.
    Result<QString> required(const QString &name) const;
    QStringList positionals() const { return m_parser.positionalArguments(); }
    QString positional(int i) const { return positionals().value(i); }

    // The values of several repeatable options in the order they were given, as (name, value)
    // pairs; QCommandLineParser only keeps the order within one option.
    QList<std::pair<QString, QString>> orderedValues(const QStringList &names) const;

    QString helpText() const;
    QString command() const { return m_command; }

private:
    QCommandLineParser m_parser;
    QString m_program;
    QString m_command;
    QString m_summary;
    QStringList m_paragraphs;
    QStringList m_valueOptions; // every name of an option that takes a value
    QStringList m_arguments;
    int m_minPositionals = 0;
    int m_maxPositionals = 0;
};

// The state of one run: output streams, global options, the open ledger.
class Context
{
public:
    Context();
    ~Context();
    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    // Raw bytes on standard output (exports), in order with what the text stream wrote.
    bool writeRaw(const QByteArray &bytes);

    void printJson(const QJsonObject &object);
    // stdout for results, stderr for messages: a script can capture one without the other.
    void message(const QString &text);

    bool json = false;
    QString ledgerPath;

    // Opens the ledger named by --ledger and checks it has a company profile (init done).
    Status openLedger();
    Ledger &ledger() { return *m_ledger; }
    Store &store() { return *m_store; }
    // Hands the ledger to the caller's control (init and import create it themselves).
    void adopt(std::unique_ptr<Store> store);
    void closeLedger();

private:
    QFile m_stdout;
    QFile m_stderr;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Ledger> m_ledger;
};

Error usageError(const QString &message);

// Text → value conversions; `field` names the option or field in the error.
Result<QDate> parseDate(const QString &text, const QString &field);
Result<int> parseInteger(const QString &text, const QString &field, int min, int max);
Result<qint64> parseQuantity(const QString &text, const QString &field);
Result<qint64> parsePrice(const QString &text, const QString &currency, const QString &field);
Result<qint64> parseAmount(const QString &text, const QString &currency, const QString &field);
Result<int> parsePercent(const QString &text, const QString &field); // → basis points
int minorDigits(const QString &currency);

// Value → text for tables: amounts in the currency's minor unit, quantities without trailing
// zeros, unit prices with their extra precision only when it is used.
QString amountText(qint64 minor, const QString &currency);
QString quantityText(qint64 quantity);
QString priceText(qint64 price, const QString &currency);
QString percentText(int basisPoints);

// References given on the command line: an id, or a name (case-insensitive, exact).
Result<Customer> findCustomer(const Ledger &ledger, const QString &ref, const QString &field);
Result<Product> findProduct(const Ledger &ledger, const QString &ref, const QString &field);
Result<TaxRate> findTaxRate(const Ledger &ledger, const QString &ref, const QString &field);
Result<NumberSeries> findSeries(const Ledger &ledger, const QString &ref, const QString &field);
// A document by number or by id.
Result<Document> findDocument(const Ledger &ledger, const QString &ref);

// A plain-text table with columns sized to their content.
class Table
{
public:
    explicit Table(QStringList headers) : m_headers(std::move(headers)) { }
    void alignRight(int column) { m_right.append(column); }
    void addRow(QStringList cells) { m_rows.append(std::move(cells)); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    void print(QTextStream &out) const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
    QList<int> m_right;
};

// JSON forms for the command line's output beyond the model's own (jsoncodec.h).
QJsonObject summaryJson(const DocumentSummary &s);
QJsonObject documentJson(const Document &d, const QList<Payment> &payments, const QDate &today);
QJsonObject pageJson(const QJsonArray &items, const QString &next);

} // namespace Kontor::Cli
