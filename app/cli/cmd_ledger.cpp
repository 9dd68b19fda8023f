// The commands about the ledger file as a whole: init, export, import, verify, pdf.
#include "commands.h"

#include "invoicerenderer.h"
#include "jsoncodec.h"
#include "ledgerexport.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Kontor::Cli {

namespace {

// A ledger this run created and could not finish is removed with its SQLite side files, so a
// failed init or import leaves nothing behind.
void removeLedgerFiles(const QString &path)
{
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s})
        QFile::remove(path + suffix);
}

Result<QByteArray> readInput(const QString &path)
{
    QFile file;
    if (path == u"-"_s) {
        if (!file.open(stdin, QIODevice::ReadOnly))
            return Error {ErrorKind::Io, u"file"_s, u"unreadable"_s,
                          u"cannot read standard input"_s};
    } else {
        file.setFileName(path);
        if (!QFileInfo::exists(path))
            return Error {ErrorKind::Io, u"file"_s, u"file-missing"_s,
                          u"'%1' does not exist"_s.arg(path)};
        if (!file.open(QIODevice::ReadOnly))
            return Error {ErrorKind::Io, u"file"_s, u"unreadable"_s,
                          u"cannot read '%1': %2"_s.arg(path, file.errorString())};
    }
    return file.readAll();
}

Status writeOutput(Context &ctx, const QString &path, const QByteArray &bytes)
{
    if (path.isEmpty() || path == u"-"_s) {
        if (!ctx.writeRaw(bytes))
            return Error {ErrorKind::Io, u"output"_s, u"write-failed"_s,
                          u"cannot write to standard output"_s};
        return {};
    }
    // Atomic: a reader never sees half an export, and a failed write keeps the old file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error {ErrorKind::Io, u"output"_s, u"write-failed"_s,
                      u"cannot write '%1': %2"_s.arg(path, file.errorString())};
    return {};
}

// ---- init -----------------------------------------------------------------------------------

void declareInit(CommandLine &l)
{
    l.addHelpParagraph(u"Creates a new ledger file with the company profile, the standard tax "
                       "rates of the country and an invoice and a credit-note series held by "
                       "this ledger. An existing file is never overwritten."_s);
    l.addOption(u"company"_s, u"Company name (required)."_s, u"NAME"_s);
    l.addOption(u"country"_s, u"ISO 3166 country code, e.g. IT (required)."_s, u"CC"_s);
    l.addOption(u"series-prefix"_s, u"Invoice number prefix, e.g. 2026-L- (required)."_s,
                u"PREFIX"_s);
    l.addOption(u"currency"_s, u"Default currency (default EUR)."_s, u"CODE"_s);
    l.addOption(u"vat-id"_s, u"VAT identifier, e.g. IT12345678901."_s, u"ID"_s);
    l.addOption(u"tax-id"_s, u"National tax number."_s, u"ID"_s);
    l.addOption(u"email"_s, u"E-mail address."_s, u"ADDRESS"_s);
    l.addOption(u"phone"_s, u"Phone number."_s, u"NUMBER"_s);
    l.addOption(u"street"_s, u"Street and number."_s, u"TEXT"_s);
    l.addOption(u"additional"_s, u"Additional address line."_s, u"TEXT"_s);
    l.addOption(u"postal-code"_s, u"Postal code."_s, u"CODE"_s);
    l.addOption(u"city"_s, u"City."_s, u"TEXT"_s);
    l.addOption(u"region"_s, u"Region or province."_s, u"TEXT"_s);
    l.addOption(u"iban"_s, u"IBAN for payment instructions, without spaces."_s, u"IBAN"_s);
    l.addOption(u"bic"_s, u"BIC of the bank."_s, u"BIC"_s);
    l.addOption(u"bank-name"_s, u"Name of the bank."_s, u"NAME"_s);
    l.addOption(u"payment-terms"_s, u"Default payment terms in days (default 30)."_s, u"DAYS"_s);
    l.addOption(u"logo"_s, u"Logo for documents (PNG, JPEG or SVG)."_s, u"FILE"_s);
}

Status runInit(Context &ctx, const CommandLine &l)
{
    if (ctx.ledgerPath.isEmpty())
        return usageError(u"no ledger given: pass --ledger FILE or set KONTOR_LEDGER"_s);
    auto name = l.required(u"company"_s);
    if (!name)
        return name.error();
    auto country = l.required(u"country"_s);
    if (!country)
        return country.error();
    auto prefix = l.required(u"series-prefix"_s);
    if (!prefix)
        return prefix.error();

    CompanyProfile c;
    c.name = name.value();
    c.address = {l.value(u"street"_s), l.value(u"additional"_s), l.value(u"postal-code"_s),
                 l.value(u"city"_s),   l.value(u"region"_s),     country.value()};
    if (l.isSet(u"currency"_s))
        c.currency = l.value(u"currency"_s);
    c.vatId = l.value(u"vat-id"_s);
    c.taxId = l.value(u"tax-id"_s);
    c.email = l.value(u"email"_s);
    c.phone = l.value(u"phone"_s);
    c.iban = l.value(u"iban"_s);
    c.bic = l.value(u"bic"_s);
    c.bankName = l.value(u"bank-name"_s);
    if (l.isSet(u"payment-terms"_s)) {
        auto days = parseInteger(l.value(u"payment-terms"_s), u"paymentTermsDays"_s, 0, 366);
        if (!days)
            return days.error();
        c.paymentTermsDays = days.value();
    }
    if (l.isSet(u"logo"_s)) {
        const QString path = l.value(u"logo"_s);
        const QString suffix = QFileInfo(path).suffix().toLower();
        if (suffix == u"png"_s)
            c.logoMime = u"image/png"_s;
        else if (suffix == u"jpg"_s || suffix == u"jpeg"_s)
            c.logoMime = u"image/jpeg"_s;
        else if (suffix == u"svg"_s)
            c.logoMime = u"image/svg+xml"_s;
        else
            return validationError(u"logo"_s, u"unsupported-type"_s,
                                   u"'%1' is not a .png, .jpg or .svg file"_s.arg(path));
        auto bytes = readInput(path);
        if (!bytes)
            return bytes.error();
        c.logo = bytes.value();
    }

    auto store = Store::open(ctx.ledgerPath, Store::OpenMode::CreateNew);
    if (!store)
        return store.error();
    ctx.adopt(std::move(store.value()));
    if (Status s = ctx.ledger().initialize(c, prefix.value()); !s) {
        ctx.closeLedger();
        removeLedgerFiles(ctx.ledgerPath);
        return s.error();
    }
    auto series = ctx.ledger().previewNumber(DocumentKind::Invoice);
    if (ctx.json) {
        ctx.printJson({{u"ledger"_s, ctx.ledgerPath},
                       {u"deviceId"_s, ctx.store().deviceId()},
                       {u"company"_s, toJson(c)},
                       {u"firstNumber"_s, series ? series.value() : QString()}});
    } else {
        ctx.message(u"created %1 for %2; the first invoice will be %3"_s.arg(
            ctx.ledgerPath, c.name, series ? series.value() : QString()));
    }
    return {};
}

// ---- export / import ------------------------------------------------------------------------

void declareExport(CommandLine &l)
{
    l.addHelpParagraph(u"Writes every table of the ledger as JSON (indented, UTF-8): money as "
                       "integers of minor units, files as base64. 'import' reads it back; "
                       "export → import → export gives the same bytes."_s);
    l.addPositional(u"file"_s, u"Output file; '-' or none for standard output."_s, u"[FILE]"_s);
    l.setPositionalRange(0, 1);
}

Status runExport(Context &ctx, const CommandLine &l)
{
    KONTOR_TRY(ctx.openLedger());
    auto data = exportLedger(ctx.store());
    if (!data)
        return data.error();
    const QString path = l.positional(0);
    KONTOR_TRY(writeOutput(ctx, path, QJsonDocument(data.value()).toJson(QJsonDocument::Indented)));
    if (!path.isEmpty() && path != u"-"_s)
        ctx.message(u"exported %1 to %2"_s.arg(ctx.ledgerPath, path));
    return {};
}

void declareImport(CommandLine &l)
{
    l.addHelpParagraph(u"Reads an export into an empty ledger. A ledger file that does not exist "
                       "is created. Everything is checked before anything is committed (types, "
                       "fields, references, totals, the audit chain); on any error nothing is "
                       "written and a ledger file created by this command is removed."_s);
    l.addPositional(u"file"_s, u"The export to read; '-' for standard input."_s, u"FILE"_s);
    l.setPositionalRange(1, 1);
}

Status runImport(Context &ctx, const CommandLine &l)
{
    if (ctx.ledgerPath.isEmpty())
        return usageError(u"no ledger given: pass --ledger FILE or set KONTOR_LEDGER"_s);
    const QString path = l.positional(0);
    auto bytes = readInput(path);
    if (!bytes)
        return bytes.error();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.value(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error {
            ErrorKind::Io, u"file"_s, u"invalid-json"_s,
            u"'%1' is not valid JSON: %2 at offset %3"_s.arg(path, parseError.errorString())
                .arg(parseError.offset)};
    if (!doc.isObject())
        return Error {ErrorKind::Io, u"file"_s, u"invalid-json"_s,
                      u"'%1' does not hold a JSON object"_s.arg(path)};
    const QJsonObject data = doc.object();
    // The model checks the tables; a stray top-level key means the file is not what it claims.
    for (auto it = data.begin(); it != data.end(); ++it)
        if (it.key() != u"format"_s && it.key() != u"schemaVersion"_s && it.key() != u"tables"_s)
            return validationError(it.key(), u"unknown-field"_s,
                                   u"'%1' is not part of a Kontor ledger export"_s.arg(it.key()));

    const bool create = !QFileInfo::exists(ctx.ledgerPath);
    auto store = Store::open(ctx.ledgerPath,
                             create ? Store::OpenMode::CreateNew : Store::OpenMode::OpenExisting);
    if (!store) {
        if (create)
            removeLedgerFiles(ctx.ledgerPath);
        return store.error();
    }
    ctx.adopt(std::move(store.value()));
    if (Status s = importLedger(ctx.store(), data); !s) {
        ctx.closeLedger();
        if (create)
            removeLedgerFiles(ctx.ledgerPath);
        return s.error();
    }
    ctx.message(u"imported %1 into %2"_s.arg(path, ctx.ledgerPath));
    return {};
}

// ---- verify ---------------------------------------------------------------------------------

void declareVerify(CommandLine &l)
{
    l.addHelpParagraph(u"Recomputes the hash chain of issued documents, payments and deletions, "
                       "compares every entry with the record in the tables and checks that the "
                       "immutability triggers are in place. Exits with 70 and lists each "
                       "problem (document number, what changed) when the ledger does not "
                       "verify."_s);
}

Status runVerify(Context &ctx, const CommandLine & /*line*/)
{
    KONTOR_TRY(ctx.openLedger());
    auto report = ctx.ledger().verify();
    if (!report)
        return report.error();
    if (ctx.json) {
        QJsonArray problems;
        for (const AuditProblem &p : report->problems)
            problems.append(QJsonObject {{u"seq"_s, p.seq},
                                         {u"entity"_s, p.entity},
                                         {u"entityId"_s, p.entityId},
                                         {u"label"_s, p.label},
                                         {u"description"_s, p.description}});
        ctx.printJson({{u"ok"_s, report->ok()},
                       {u"entries"_s, report->entries},
                       {u"head"_s, report->head},
                       {u"problems"_s, problems}});
    } else if (report->ok()) {
        ctx.out()
            << u"audit chain ok: %1 entries, head %2\n"_s.arg(report->entries).arg(report->head);
    } else {
        ctx.out() << u"audit chain FAILED: %1 problem(s) in %2 entries\n"_s
                         .arg(report->problems.size())
                         .arg(report->entries);
        for (const AuditProblem &p : report->problems) {
            const QString where
                = p.seq > 0 ? u"%1, chain entry %2"_s.arg(p.entity).arg(p.seq) : p.entity;
            ctx.out() << u"  %1 (%2): %3\n"_s.arg(p.label, where, p.description);
        }
    }
    if (report->ok())
        return {};
    const AuditProblem &first = report->problems.first();
    return Error {
        ErrorKind::Integrity, u"audit_chain"_s, u"audit-chain"_s,
        u"the ledger does not verify: %1 problem(s), first: %2: %3"_s.arg(report->problems.size())
            .arg(first.label, first.description)};
}

// ---- pdf ------------------------------------------------------------------------------------

void declarePdf(CommandLine &l)
{
    l.addHelpParagraph(u"Renders an invoice, credit note or quote to PDF. Works without a "
                       "display (QT_QPA_PLATFORM defaults to offscreen)."_s);
    l.addPositional(u"document"_s, u"Document number or id."_s, u"DOCUMENT"_s);
    l.setPositionalRange(1, 1);
    l.addOption(u"output"_s, u"The PDF file (default: NUMBER.pdf, or draft-ID.pdf)."_s, u"FILE"_s);
}

Status runPdf(Context &ctx, const CommandLine &l)
{
    KONTOR_TRY(ctx.openLedger());
    auto doc = findDocument(ctx.ledger(), l.positional(0));
    if (!doc)
        return doc.error();
    QString output = l.value(u"output"_s);
    if (output.isEmpty())
        output = (doc->number.isEmpty() ? u"draft-"_s + doc->id : doc->number) + u".pdf"_s;
    KONTOR_TRY(renderInvoicePdf(ctx.ledger(), doc->id, output));
    if (ctx.json)
        ctx.printJson({{u"file"_s, output}, {u"id"_s, doc->id}, {u"number"_s, doc->number}});
    else
        ctx.out() << output << u'\n';
    return {};
}

} // namespace

QList<CommandSpec> ledgerCommands()
{
    return {
        {u"init"_s, {}, u"Create a new ledger file"_s, declareInit, runInit},
        {u"export"_s, {}, u"Export the whole ledger as JSON"_s, declareExport, runExport},
        {u"import"_s,
         {},
         u"Import a JSON export into a new, empty ledger"_s,
         declareImport,
         runImport},
        {u"verify"_s,
         {},
         u"Verify the audit chain (exit 70 when it fails)"_s,
         declareVerify,
         runVerify},
        {u"pdf"_s, {}, u"Render a document to PDF"_s, declarePdf, runPdf},
    };
}

} // namespace Kontor::Cli
