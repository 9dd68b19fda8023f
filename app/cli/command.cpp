#include "command.h"

#include "jsoncodec.h"
#include "money.h"
#include "schema.h"

#include <QJsonDocument>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Kontor::Cli {

// ---- CommandLine ----------------------------------------------------------------------------

CommandLine::CommandLine(QString program, QString command, QString summary)
    : m_program(std::move(program)), m_command(std::move(command)), m_summary(std::move(summary))
{
    // Options may follow positional arguments ("invoice issue REF --date ..."), and a value that
    // starts with '-' (a negative quantity in --line) is still a value.
    m_parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    m_parser.addOption(QCommandLineOption({u"h"_s, u"help"_s}, u"Show this help."_s));
    m_parser.addOption(QCommandLineOption(
        {u"l"_s, u"ledger"_s}, u"The ledger file (default: $KONTOR_LEDGER)."_s, u"FILE"_s));
    m_valueOptions << u"l"_s << u"ledger"_s;
    m_parser.addOption(
        QCommandLineOption(u"json"_s, u"Write the result as JSON on standard output."_s));
}

void CommandLine::addOption(const QString &name, const QString &description,
                            const QString &valueName)
{
    m_parser.addOption(QCommandLineOption(name, description, valueName));
    if (!valueName.isEmpty())
        m_valueOptions << name;
}

void CommandLine::addPositional(const QString &name, const QString &description,
                                const QString &syntax)
{
    m_parser.addPositionalArgument(name, description, syntax);
}

void CommandLine::setPositionalRange(int min, int max)
{
    m_minPositionals = min;
    m_maxPositionals = max;
}

Status CommandLine::parse(const QStringList &arguments)
{
    m_arguments = arguments;
    QStringList argv {m_program};
    argv += arguments;
    if (!m_parser.parse(argv))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(u"help"_s))
        return {};
    const QStringList pos = m_parser.positionalArguments();
    if (pos.size() < m_minPositionals)
        return usageError(u"'%1' needs %2 argument(s), got %3"_s.arg(m_command)
                              .arg(m_minPositionals)
                              .arg(pos.size()));
    if (pos.size() > m_maxPositionals)
        return usageError(u"unexpected argument '%1'"_s.arg(pos.at(m_maxPositionals)));
    return {};
}

Result<QString> CommandLine::required(const QString &name) const
{
    if (!m_parser.isSet(name))
        return usageError(u"'%1' needs the option --%2"_s.arg(m_command, name));
    return m_parser.value(name);
}

QList<std::pair<QString, QString>> CommandLine::orderedValues(const QStringList &names) const
{
    QList<std::pair<QString, QString>> out;
    for (qsizetype i = 0; i < m_arguments.size(); ++i) {
        const QString &arg = m_arguments.at(i);
        if (arg == u"--"_s)
            break;
        if (!arg.startsWith(u'-') || arg == u"-"_s)
            continue;
        QString name = arg.startsWith(u"--"_s) ? arg.mid(2) : arg.mid(1);
        QString value;
        const qsizetype eq = name.indexOf(u'=');
        if (eq >= 0) {
            value = name.mid(eq + 1);
            name.truncate(eq);
        }
        if (!m_valueOptions.contains(name))
            continue;
        if (eq < 0)
            value = m_arguments.value(++i);
        if (names.contains(name))
            out.append({name, value});
    }
    return out;
}

QString CommandLine::helpText() const
{
    const QString text = m_parser.helpText();
    // Qt's usage line names the bare executable; ours names the command. The positional syntax
    // Qt put after "[options]" is kept.
    const qsizetype firstBreak = text.indexOf(u'\n');
    const QString qtUsage = firstBreak >= 0 ? text.left(firstBreak) : text;
    const QString body = firstBreak >= 0 ? text.mid(firstBreak + 1).trimmed() : QString();
    QString out = u"Usage: %1 [--ledger FILE] %2 [options]"_s.arg(m_program, m_command);
    const QString optionsMark = u"[options]"_s;
    const qsizetype options = qtUsage.indexOf(optionsMark);
    if (options >= 0)
        out += qtUsage.mid(options + optionsMark.size());
    out += u"\n\n"_s + m_summary + u'\n';
    for (const QString &p : m_paragraphs)
        out += u'\n' + p + u'\n';
    out += u'\n' + body + u'\n';
    return out;
}

// ---- Context --------------------------------------------------------------------------------

Context::Context()
{
    m_stdout.open(stdout, QIODevice::WriteOnly);
    m_stderr.open(stderr, QIODevice::WriteOnly);
    m_out.setDevice(&m_stdout);
    m_err.setDevice(&m_stderr);
}

Context::~Context()
{
    closeLedger();
    m_out.flush();
    m_err.flush();
}

bool Context::writeRaw(const QByteArray &bytes)
{
    m_out.flush();
    const bool ok = m_stdout.write(bytes) == bytes.size();
    return m_stdout.flush() && ok;
}

void Context::printJson(const QJsonObject &object)
{
    writeRaw(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

void Context::message(const QString &text)
{
    m_out.flush();
    m_err << text << u'\n';
    m_err.flush();
}

Status Context::openLedger()
{
    if (ledgerPath.isEmpty())
        return usageError(u"no ledger given: pass --ledger FILE or set KONTOR_LEDGER"_s);
    auto store = Store::open(ledgerPath, Store::OpenMode::OpenExisting);
    if (!store)
        return store.error();
    adopt(std::move(store.value()));
    if (!m_ledger->isInitialized())
        return Error {ErrorKind::NotFound, u"ledger"_s, u"not-initialized"_s,
                      u"'%1' has no company profile yet; create the ledger with 'kontor-cli "
                      "init'"_s.arg(ledgerPath)};
    return {};
}

void Context::adopt(std::unique_ptr<Store> store)
{
    closeLedger();
    m_store = std::move(store);
    m_ledger = std::make_unique<Ledger>(*m_store);
}

void Context::closeLedger()
{
    // The ledger refers to the store: it goes first.
    m_ledger.reset();
    m_store.reset();
}

// ---- Conversions ----------------------------------------------------------------------------

Error usageError(const QString &message)
{
    return Error {ErrorKind::Usage, {}, u"usage"_s, message};
}

Result<QDate> parseDate(const QString &text, const QString &field)
{
    const QDate d = QDate::fromString(text.trimmed(), Qt::ISODate);
    if (!d.isValid())
        return validationError(field, u"invalid-date"_s,
                               u"'%1' is not a date of the form YYYY-MM-DD"_s.arg(text));
    return d;
}

Result<int> parseInteger(const QString &text, const QString &field, int min, int max)
{
    bool ok = false;
    const int v = text.trimmed().toInt(&ok);
    if (!ok)
        return validationError(field, u"number-format"_s,
                               u"'%1' is not a whole number"_s.arg(text));
    if (v < min || v > max)
        return validationError(field, u"range"_s,
                               u"%1 is outside %2 to %3"_s.arg(v).arg(min).arg(max));
    return v;
}

int minorDigits(const QString &currency)
{
    const auto c = Currency::find(currency);
    return c ? c->minorDigits : 2;
}

Result<qint64> parseQuantity(const QString &text, const QString &field)
{
    return parseFixed(text, QuantityDecimals, field);
}

Result<qint64> parsePrice(const QString &text, const QString &currency, const QString &field)
{
    return parseFixed(text, minorDigits(currency) + PriceExtraDecimals, field);
}

Result<qint64> parseAmount(const QString &text, const QString &currency, const QString &field)
{
    return parseMinor(text, minorDigits(currency), field);
}

Result<int> parsePercent(const QString &text, const QString &field)
{
    QString t = text.trimmed();
    if (t.endsWith(u'%'))
        t.chop(1);
    auto bp = parseFixed(t, 2, field);
    if (!bp)
        return bp.error();
    if (bp.value() < 0 || bp.value() > BasisPointScale)
        return validationError(field, u"discount-range"_s,
                               u"the discount must be between 0 % and 100 %"_s);
    return int(bp.value());
}

QString amountText(qint64 minor, const QString &currency)
{
    return formatMinor(minor, minorDigits(currency));
}

QString quantityText(qint64 quantity)
{
    return formatFixed(quantity, QuantityDecimals, true);
}

QString priceText(qint64 price, const QString &currency)
{
    const int digits = minorDigits(currency);
    if (price % PriceExtraScale == 0)
        return formatMinor(price / PriceExtraScale, digits);
    return formatFixed(price, digits + PriceExtraDecimals, true);
}

QString percentText(int basisPoints)
{
    return formatFixed(basisPoints, 2, true) + u'%';
}

// ---- References -----------------------------------------------------------------------------

Result<Customer> findCustomer(const Ledger &ledger, const QString &ref, const QString &field)
{
    if (ref.trimmed().isEmpty())
        return validationError(field, u"required"_s, u"a customer id or name is required"_s);
    auto byId = ledger.customer(ref);
    if (byId)
        return byId;
    if (byId.error().kind != ErrorKind::NotFound)
        return byId.error();
    CustomerQuery q;
    q.search = ref;
    q.includeArchived = true;
    q.limit = 1000;
    auto page = ledger.customers(q);
    if (!page)
        return page.error();
    QList<Customer> matches;
    for (const Customer &c : page->items)
        if (searchKey(c.name) == searchKey(ref))
            matches.append(c);
    if (matches.size() == 1)
        return matches.first();
    if (matches.isEmpty())
        return validationError(field, u"unknown-customer"_s,
                               u"no customer has the id or name '%1'"_s.arg(ref));
    QStringList ids;
    for (const Customer &c : matches)
        ids << c.id;
    return validationError(field, u"ambiguous-customer"_s,
                           u"%1 customers are named '%2'; give the id (%3)"_s.arg(matches.size())
                               .arg(ref, ids.join(u", "_s)));
}

Result<Product> findProduct(const Ledger &ledger, const QString &ref, const QString &field)
{
    if (ref.trimmed().isEmpty())
        return validationError(field, u"required"_s, u"a product id or name is required"_s);
    auto byId = ledger.product(ref);
    if (byId)
        return byId;
    if (byId.error().kind != ErrorKind::NotFound)
        return byId.error();
    ProductQuery q;
    q.search = ref.trimmed();
    q.includeArchived = true;
    q.limit = 1000;
    auto page = ledger.products(q);
    if (!page)
        return page.error();
    QList<Product> matches;
    for (const Product &p : page->items)
        if (searchKey(p.name) == searchKey(ref))
            matches.append(p);
    if (matches.size() == 1)
        return matches.first();
    if (matches.isEmpty())
        return validationError(field, u"unknown-product"_s,
                               u"no product has the id or name '%1'"_s.arg(ref));
    QStringList ids;
    for (const Product &p : matches)
        ids << p.id;
    return validationError(field, u"ambiguous-product"_s,
                           u"%1 products are named '%2'; give the id (%3)"_s.arg(matches.size())
                               .arg(ref, ids.join(u", "_s)));
}

Result<TaxRate> findTaxRate(const Ledger &ledger, const QString &ref, const QString &field)
{
    if (ref.trimmed().isEmpty())
        return validationError(field, u"required"_s, u"every line needs a tax rate"_s);
    auto all = ledger.taxRates(true);
    if (!all)
        return all.error();
    QList<TaxRate> byName;
    for (const TaxRate &r : all.value()) {
        if (r.id == ref)
            return r;
        if (searchKey(r.name) == searchKey(ref))
            byName.append(r);
    }
    // An archived rate keeps its name; a current one of the same name is the one meant.
    if (byName.size() > 1) {
        QList<TaxRate> current;
        for (const TaxRate &r : byName)
            if (!r.archived)
                current.append(r);
        if (!current.isEmpty())
            byName = current;
    }
    if (byName.size() == 1)
        return byName.first();
    if (byName.isEmpty())
        return validationError(field, u"unknown-tax-rate"_s,
                               u"the tax rate '%1' does not exist; give a name or id from "
                               "'kontor-cli tax-rate list'"_s.arg(ref));
    return validationError(
        field, u"ambiguous-tax-rate"_s,
        u"%1 tax rates are named '%2'; give the id"_s.arg(byName.size()).arg(ref));
}

Result<NumberSeries> findSeries(const Ledger &ledger, const QString &ref, const QString &field)
{
    auto all = ledger.seriesList();
    if (!all)
        return all.error();
    for (const NumberSeries &s : all.value())
        if (s.id == ref || s.prefix == ref || s.name == ref)
            return s;
    return validationError(field, u"unknown-series"_s,
                           u"no series has the id, prefix or name '%1'; see 'kontor-cli series "
                           "list'"_s.arg(ref));
}

Result<Document> findDocument(const Ledger &ledger, const QString &ref)
{
    auto byNumber = ledger.documentByNumber(ref);
    if (byNumber)
        return byNumber;
    if (byNumber.error().kind != ErrorKind::NotFound)
        return byNumber.error();
    auto byId = ledger.document(ref);
    if (byId)
        return byId;
    if (byId.error().kind != ErrorKind::NotFound)
        return byId.error();
    return Error {ErrorKind::NotFound, u"document"_s, u"unknown-document"_s,
                  u"no document has the number or id '%1'"_s.arg(ref)};
}

// ---- Output ---------------------------------------------------------------------------------

void Table::print(QTextStream &out) const
{
    QList<qsizetype> widths(m_headers.size(), 0);
    auto measure = [&](const QStringList &row) {
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = qMax(widths[c], row.at(c).size());
    };
    measure(m_headers);
    for (const QStringList &row : m_rows)
        measure(row);
    auto printRow = [&](const QStringList &row) {
        QString line;
        for (qsizetype c = 0; c < widths.size(); ++c) {
            const QString cell = row.value(c);
            if (c > 0)
                line += u"  "_s;
            if (m_right.contains(int(c)))
                line += cell.rightJustified(widths[c]);
            else
                line += cell.leftJustified(widths[c]);
        }
        // Padding after the last column is noise in a pipe.
        while (line.endsWith(u' '))
            line.chop(1);
        out << line << u'\n';
    };
    printRow(m_headers);
    for (const QStringList &row : m_rows)
        printRow(row);
}

QJsonObject summaryJson(const DocumentSummary &s)
{
    return {{u"id"_s, s.id},
            {u"kind"_s, documentKindName(s.kind)},
            {u"status"_s, documentStatusName(s.status)},
            {u"number"_s, s.number},
            {u"customerId"_s, s.customerId},
            {u"customerName"_s, s.customerName},
            {u"issueDate"_s, dateToText(s.issueDate)},
            {u"dueDate"_s, dateToText(s.dueDate)},
            {u"currency"_s, s.currency},
            {u"net"_s, s.netMinor},
            {u"vat"_s, s.vatMinor},
            {u"total"_s, s.totalMinor},
            {u"paid"_s, s.paidMinor},
            {u"credited"_s, s.creditedMinor},
            {u"balance"_s, s.balanceMinor()},
            {u"overdue"_s, s.overdue}};
}

QJsonObject documentJson(const Document &d, const QList<Payment> &payments, const QDate &today)
{
    QJsonObject o = toJson(d);
    o.insert(u"status"_s, documentStatusName(d.status));
    o.insert(u"customerName"_s, d.customerName);
    o.insert(u"paid"_s, d.paidMinor);
    o.insert(u"credited"_s, d.creditedMinor);
    o.insert(u"balance"_s, d.balanceMinor());
    o.insert(u"overdue"_s, d.isOverdue(today));
    QJsonArray list;
    for (const Payment &p : payments)
        list.append(toJson(p));
    o.insert(u"payments"_s, list);
    return o;
}

QJsonObject pageJson(const QJsonArray &items, const QString &next)
{
    return {{u"items"_s, items},
            {u"next"_s, next.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(next)}};
}

} // namespace Kontor::Cli
