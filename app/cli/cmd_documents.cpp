// The commands about documents: drafts of invoices and quotes with their lines, issuing,
// payments, credit notes, quote conversion, lists and the detail view.
#include "commands.h"

#include "jsoncodec.h"
#include "money.h"

#include <QFileInfo>
#include <QJsonDocument>

#include <optional>

using namespace Qt::StringLiterals;

namespace Kontor::Cli {

namespace {

QString kindText(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::Invoice:
        return u"invoice"_s;
    case DocumentKind::CreditNote:
        return u"credit note"_s;
    case DocumentKind::Quote:
        return u"quote"_s;
    }
    return {};
}

QString withArticle(DocumentKind kind)
{
    return kind == DocumentKind::Invoice ? u"an invoice"_s : u"a "_s + kindText(kind);
}

QString documentLabel(const Document &d)
{
    // Quotes are never numbered; their id is their name.
    if (d.number.isEmpty())
        return d.kind == DocumentKind::Quote ? u"quote %1"_s.arg(d.id)
                                             : u"draft %1 %2"_s.arg(kindText(d.kind), d.id);
    return u"%1 %2"_s.arg(kindText(d.kind), d.number);
}

// A command for one kind of document refuses a document of another kind: "invoice issue" on a
// quote is a mistake in the script, not something to do anyway.
Result<Document> findDocumentOfKind(const Ledger &ledger, const QString &ref, DocumentKind kind)
{
    auto doc = findDocument(ledger, ref);
    if (!doc)
        return doc.error();
    if (doc->kind != kind)
        return validationError(
            u"document"_s, u"wrong-kind"_s,
            u"'%1' is %2, not %3"_s.arg(ref, withArticle(doc->kind), withArticle(kind)));
    return doc;
}

QString companyCurrency(const Ledger &ledger)
{
    auto c = ledger.company();
    return c ? c->currency : u"EUR"_s;
}

// ---- lines ----------------------------------------------------------------------------------

// One line as given on the command line or in a lines file, before it is checked.
struct LineInput
{
    QString field; // "lines[2]"
    std::optional<QString> product;
    std::optional<QString> description;
    std::optional<QString> quantity;
    std::optional<QString> unitPrice;
    std::optional<QString> taxRate;
    std::optional<QString> discount;
    std::optional<QString> unit;
};

// Splits "a;b;c" at unescaped semicolons; "\;" is a literal semicolon, "\\" a backslash.
QStringList splitSpec(const QString &spec)
{
    QStringList out;
    QString current;
    for (qsizetype i = 0; i < spec.size(); ++i) {
        const QChar c = spec.at(i);
        if (c == u'\\' && i + 1 < spec.size()) {
            current += spec.at(++i);
        } else if (c == u';') {
            out << current.trimmed();
            current.clear();
        } else {
            current += c;
        }
    }
    out << current.trimmed();
    return out;
}

std::optional<QString> nonEmpty(const QString &s)
{
    return s.isEmpty() ? std::nullopt : std::optional<QString>(s);
}

Result<LineInput> lineFromSpec(const QString &spec, const QString &field)
{
    const QStringList f = splitSpec(spec);
    if (f.size() < 4 || f.size() > 6)
        return validationError(field, u"line-format"_s,
                               u"'%1' is not 'description;quantity;unit price;tax rate"
                               "[;discount %][;unit]'"_s.arg(spec));
    LineInput in;
    in.field = field;
    in.description = f.at(0);
    in.quantity = f.at(1);
    in.unitPrice = f.at(2);
    in.taxRate = f.at(3);
    in.discount = nonEmpty(f.value(4));
    in.unit = nonEmpty(f.value(5));
    return in;
}

Result<LineInput> lineFromItem(const QString &spec, const QString &field)
{
    const QStringList f = splitSpec(spec);
    if (f.isEmpty() || f.size() > 3 || f.at(0).isEmpty())
        return validationError(field, u"item-format"_s,
                               u"'%1' is not 'product[;quantity[;discount %]]'"_s.arg(spec));
    LineInput in;
    in.field = field;
    in.product = f.at(0);
    in.quantity = nonEmpty(f.value(1));
    in.discount = nonEmpty(f.value(2));
    return in;
}

Result<QList<LineInput>> linesFromFile(const QString &path, qsizetype firstIndex)
{
    QFile file;
    if (path == u"-"_s) {
        file.open(stdin, QIODevice::ReadOnly);
    } else {
        file.setFileName(path);
        if (!QFileInfo::exists(path))
            return Error {ErrorKind::Io, u"lines-file"_s, u"file-missing"_s,
                          u"'%1' does not exist"_s.arg(path)};
        if (!file.open(QIODevice::ReadOnly))
            return Error {ErrorKind::Io, u"lines-file"_s, u"unreadable"_s,
                          u"cannot read '%1': %2"_s.arg(path, file.errorString())};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error {
            ErrorKind::Io, u"lines-file"_s, u"invalid-json"_s,
            u"'%1' is not valid JSON: %2 at offset %3"_s.arg(path, parseError.errorString())
                .arg(parseError.offset)};
    if (!doc.isArray())
        return validationError(u"lines-file"_s, u"type"_s,
                               u"'%1' must hold a JSON array of line objects"_s.arg(path));
    static const QStringList known {u"product"_s, u"description"_s, u"quantity"_s, u"unitPrice"_s,
                                    u"taxRate"_s, u"discount"_s,    u"unit"_s};
    QList<LineInput> out;
    const QJsonArray array = doc.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString field = u"lines[%1]"_s.arg(firstIndex + i);
        if (!array.at(i).isObject())
            return validationError(field, u"type"_s, u"each line must be a JSON object"_s);
        const QJsonObject o = array.at(i).toObject();
        LineInput in;
        in.field = field;
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString key = it.key();
            if (!known.contains(key))
                return validationError(field + u'.' + key, u"unknown-field"_s,
                                       u"lines have only the fields %1"_s.arg(known.join(u", "_s)));
            QString text;
            if (it.value().isString())
                text = it.value().toString();
            else if (it.value().isDouble())
                // Shortest round-trip text: 0.1 stays "0.1", so the fixed-point parser judges
                // the precision the writer meant.
                text = QString::number(it.value().toDouble(), 'g', QLocale::FloatingPointShortest);
            else
                return validationError(field + u'.' + key, u"type"_s,
                                       u"must be text or a number"_s);
            std::optional<QString> *slot = nullptr;
            if (key == u"product"_s)
                slot = &in.product;
            else if (key == u"description"_s)
                slot = &in.description;
            else if (key == u"quantity"_s)
                slot = &in.quantity;
            else if (key == u"unitPrice"_s)
                slot = &in.unitPrice;
            else if (key == u"taxRate"_s)
                slot = &in.taxRate;
            else if (key == u"discount"_s)
                slot = &in.discount;
            else
                slot = &in.unit;
            *slot = text;
        }
        out.append(in);
    }
    return out;
}

Result<DocumentLine> buildLine(const Ledger &ledger, const LineInput &in, const QString &currency)
{
    DocumentLine line;
    const QString &f = in.field;
    if (in.product) {
        auto p = findProduct(ledger, *in.product, f + u".product"_s);
        if (!p)
            return p.error();
        const QString productCurrency
            = p->currency.isEmpty() ? companyCurrency(ledger) : p->currency;
        if (productCurrency != currency && !in.unitPrice)
            return validationError(f + u".product"_s, u"currency-mismatch"_s,
                                   u"'%1' is priced in %2 but the document is in %3; give the "
                                   "unit price"_s.arg(p->name, productCurrency, currency));
        line.productId = p->id;
        line.description = p->name;
        line.unit = p->unit;
        line.unitPrice = p->unitPrice;
        line.taxRateId = p->taxRateId;
    }
    auto missing = [&](const QString &name) {
        return validationError(f + u'.' + name, u"required"_s, u"a value is required"_s);
    };
    if (in.description)
        line.description = *in.description;
    if (in.quantity) {
        auto q = parseQuantity(*in.quantity, f + u".quantity"_s);
        if (!q)
            return q.error();
        line.quantity = q.value();
    } else if (in.product) {
        line.quantity = QuantityScale;
    } else {
        return missing(u"quantity"_s);
    }
    if (in.unitPrice) {
        auto p = parsePrice(*in.unitPrice, currency, f + u".unitPrice"_s);
        if (!p)
            return p.error();
        line.unitPrice = p.value();
    } else if (!in.product) {
        return missing(u"unitPrice"_s);
    }
    if (in.taxRate) {
        auto r = findTaxRate(ledger, *in.taxRate, f + u".taxRate"_s);
        if (!r)
            return r.error();
        line.taxRateId = r->id;
    } else if (!in.product) {
        return missing(u"taxRate"_s);
    }
    if (in.discount) {
        auto d = parsePercent(*in.discount, f + u".discount"_s);
        if (!d)
            return d.error();
        line.discountBp = d.value();
    }
    if (in.unit)
        line.unit = *in.unit;
    return line;
}

void declareLineOptions(CommandLine &l)
{
    l.addOption(u"line"_s,
                u"A line: 'description;quantity;unit price;tax rate[;discount %][;unit]'. "
                "Repeatable."_s,
                u"SPEC"_s);
    l.addOption(u"item"_s,
                u"A line from a product: 'product[;quantity[;discount %]]'. Repeatable."_s,
                u"SPEC"_s);
}

// The lines of --lines-file first, then --line and --item in command-line order.
Result<QList<LineInput>> collectLineInputs(const CommandLine &l, bool withFile)
{
    QList<LineInput> out;
    if (withFile && l.isSet(u"lines-file"_s)) {
        auto fromFile = linesFromFile(l.value(u"lines-file"_s), 0);
        if (!fromFile)
            return fromFile.error();
        out = fromFile.value();
    }
    for (const auto &[name, value] : l.orderedValues({u"line"_s, u"item"_s})) {
        const QString field = u"lines[%1]"_s.arg(out.size());
        auto in = name == u"line"_s ? lineFromSpec(value, field) : lineFromItem(value, field);
        if (!in)
            return in.error();
        out.append(in.value());
    }
    return out;
}

// ---- output ---------------------------------------------------------------------------------

void printDocument(Context &ctx, const Document &d, const QList<Payment> &payments)
{
    QTextStream &out = ctx.out();
    const Ledger &ledger = ctx.ledger();
    const QString cur = d.currency;
    QString title = kindText(d.kind);
    title[0] = title[0].toUpper();
    const QString name = !d.number.isEmpty() ? d.number
        : d.kind == DocumentKind::Quote      ? d.id
                                             : u"(draft)"_s;
    out << title << u' ' << name << u"  ["_s << documentStatusName(d.status)
        << (d.isOverdue(ctx.store().today()) ? u", overdue"_s : QString()) << u"]\n"_s;
    auto field = [&](const QString &name, const QString &value) {
        if (!value.isEmpty())
            out << QString(name + u':').leftJustified(14) << value << u'\n';
    };
    field(u"Id"_s, d.id);
    QString customer = d.customerName;
    if (!d.customerSnapshot.vatId.isEmpty())
        customer += u" (VAT "_s + d.customerSnapshot.vatId + u')';
    field(u"Customer"_s, customer);
    field(u"Issue date"_s, dateToText(d.issueDate));
    field(u"Due date"_s, dateToText(d.dueDate));
    field(u"Currency"_s, cur);
    if (!d.referenceId.isEmpty()) {
        auto ref = ledger.document(d.referenceId);
        field(d.kind == DocumentKind::CreditNote ? u"Corrects"_s : u"From quote"_s,
              ref ? documentLabel(ref.value()) : d.referenceId);
    }
    field(u"Buyer ref."_s, d.buyerReference);
    field(u"Terms"_s, d.paymentTerms);
    field(u"Notes"_s, d.notes);
    out << u'\n';

    Table lines({u"#"_s, u"Description"_s, u"Qty"_s, u"Unit"_s, u"Unit price"_s, u"Disc."_s,
                 u"Tax"_s, u"Net"_s});
    for (int c : {0, 2, 4, 5, 7})
        lines.alignRight(c);
    for (qsizetype i = 0; i < d.lines.size(); ++i) {
        const DocumentLine &l = d.lines.at(i);
        const auto rate = ledger.taxRate(l.taxRateId);
        lines.addRow(
            {QString::number(i + 1), l.description.section(u'\n', 0, 0), quantityText(l.quantity),
             l.unit, priceText(l.unitPrice, cur),
             l.discountBp ? percentText(l.discountBp) : QString(),
             rate ? rate->name : taxCategoryCode(l.taxCategory) + u' ' + percentText(l.taxRateBp),
             amountText(l.netMinor, cur)});
    }
    lines.print(out);
    out << u'\n';

    Table vat({u"VAT"_s, u"Rate"_s, u"Taxable"_s, u"VAT amount"_s, u"Reason"_s});
    for (int c : {1, 2, 3})
        vat.alignRight(c);
    for (const VatBreakdown &b : d.totals.breakdown)
        vat.addRow({taxCategoryCode(b.category), percentText(b.rateBp),
                    amountText(b.taxableMinor, cur), amountText(b.vatMinor, cur),
                    b.exemptionReason});
    if (!vat.isEmpty()) {
        vat.print(out);
        out << u'\n';
    }

    Table totals({u"Totals"_s, cur});
    totals.alignRight(1);
    totals.addRow({u"Net"_s, amountText(d.totals.taxExclusive, cur)});
    totals.addRow({u"VAT"_s, amountText(d.totals.vatTotal, cur)});
    totals.addRow({u"Total"_s, amountText(d.totals.payable, cur)});
    if (d.kind == DocumentKind::Invoice && d.isIssued()) {
        totals.addRow({u"Paid"_s, amountText(d.paidMinor, cur)});
        totals.addRow({u"Credited"_s, amountText(d.creditedMinor, cur)});
        totals.addRow({u"Balance"_s, amountText(d.balanceMinor(), cur)});
    }
    totals.print(out);

    if (!payments.isEmpty()) {
        out << u'\n';
        Table pay({u"Payment date"_s, u"Amount"_s, u"Method"_s, u"Reference"_s, u"Id"_s});
        pay.alignRight(1);
        for (const Payment &p : payments)
            pay.addRow({dateToText(p.date),
                        amountText(p.amountMinor, p.currency)
                            + (p.overpayment ? u" (overpayment)"_s : QString()),
                        p.method, p.reference, p.id});
        pay.print(out);
    }
}

Status showDocument(Context &ctx, const Document &d)
{
    QList<Payment> payments;
    if (d.kind == DocumentKind::Invoice) {
        auto p = ctx.ledger().payments(d.id);
        if (!p)
            return p.error();
        payments = p.value();
    }
    if (ctx.json)
        ctx.printJson(documentJson(d, payments, ctx.store().today()));
    else
        printDocument(ctx, d, payments);
    return {};
}

QString totalsText(const Document &d)
{
    return u"net %1, VAT %2, total %3 %4"_s.arg(
        amountText(d.totals.taxExclusive, d.currency), amountText(d.totals.vatTotal, d.currency),
        amountText(d.totals.payable, d.currency), d.currency);
}

// A created or changed document: its id (or number) for scripts, a summary for people.
void reportDocument(Context &ctx, const Document &d, const QString &what)
{
    if (ctx.json) {
        ctx.printJson(documentJson(d, {}, ctx.store().today()));
        return;
    }
    ctx.out() << (d.number.isEmpty() ? d.id : d.number) << u'\n';
    ctx.message(u"%1 %2: %3"_s.arg(what, documentLabel(d), totalsText(d)));
}

// ---- create ---------------------------------------------------------------------------------

void declareDraft(CommandLine &l, DocumentKind kind)
{
    l.addHelpParagraph(
        u"Creates a draft %1 and prints its id (or the document with --json). "
        "Lines come from --lines-file first, then from --line and --item in the "
        "order given. Quantities take up to 4 decimals, unit prices up to 2 "
        "decimals more than the currency's minor unit; the tax rate is a name or "
        "id from 'tax-rate list'. A ';' inside a description is written '\\;'."_s.arg(
            kindText(kind)));
    l.addOption(u"customer"_s, u"Customer id or name."_s, u"CUSTOMER"_s);
    l.addOption(u"date"_s, u"Issue date YYYY-MM-DD (default: today, or the date of issue)."_s,
                u"DATE"_s);
    l.addOption(u"due"_s, u"Due date YYYY-MM-DD (default: from the payment terms)."_s, u"DATE"_s);
    l.addOption(u"currency"_s, u"Currency (default: the customer's, else the company's)."_s,
                u"CODE"_s);
    l.addOption(u"notes"_s, u"Notes printed on the document."_s, u"TEXT"_s);
    l.addOption(u"terms"_s, u"Payment terms text printed on the document."_s, u"TEXT"_s);
    l.addOption(u"buyer-reference"_s, u"The buyer's reference (order number, ...)."_s, u"TEXT"_s);
    declareLineOptions(l);
    l.addOption(u"lines-file"_s,
                u"JSON array of line objects {description, quantity, unitPrice, taxRate, "
                "discount, unit, product}; '-' for standard input."_s,
                u"FILE"_s);
}

Status runDraftCreate(Context &ctx, const CommandLine &l, DocumentKind kind)
{
    KONTOR_TRY(ctx.openLedger());
    Ledger &ledger = ctx.ledger();
    Document d;
    d.kind = kind;
    QString currency;
    if (l.isSet(u"customer"_s)) {
        auto c = findCustomer(ledger, l.value(u"customer"_s), u"customer"_s);
        if (!c)
            return c.error();
        d.customerId = c->id;
        currency = c->currency;
    }
    if (l.isSet(u"currency"_s))
        currency = l.value(u"currency"_s);
    if (currency.isEmpty())
        currency = companyCurrency(ledger);
    d.currency = currency;
    if (l.isSet(u"date"_s)) {
        auto date = parseDate(l.value(u"date"_s), u"issueDate"_s);
        if (!date)
            return date.error();
        d.issueDate = date.value();
    }
    if (l.isSet(u"due"_s)) {
        auto due = parseDate(l.value(u"due"_s), u"dueDate"_s);
        if (!due)
            return due.error();
        d.dueDate = due.value();
    }
    d.notes = l.value(u"notes"_s);
    d.paymentTerms = l.value(u"terms"_s);
    d.buyerReference = l.value(u"buyer-reference"_s);
    auto inputs = collectLineInputs(l, true);
    if (!inputs)
        return inputs.error();
    for (const LineInput &in : inputs.value()) {
        auto line = buildLine(ledger, in, currency);
        if (!line)
            return line.error();
        d.lines.append(line.value());
    }
    auto created = ledger.createDraft(d);
    if (!created)
        return created.error();
    reportDocument(ctx, created.value(), u"created"_s);
    return {};
}

void declareCreditNote(CommandLine &l)
{
    l.addHelpParagraph(u"Creates a draft credit note for an issued invoice and prints its id. "
                       "Without lines it credits everything; otherwise the lines to credit, as "
                       "positive quantities: --invoice-line copies a line of the invoice (numbered "
                       "from 1 as 'show' prints them), optionally with a smaller quantity. Issue "
                       "it with 'credit-note issue'."_s);
    l.addOption(u"invoice"_s, u"The invoice to correct: number or id (required)."_s, u"INVOICE"_s);
    l.addOption(u"reason"_s, u"Why the invoice is corrected (printed on the note)."_s, u"TEXT"_s);
    l.addOption(u"date"_s, u"Issue date YYYY-MM-DD (default: the date of issue)."_s, u"DATE"_s);
    l.addOption(u"invoice-line"_s, u"Credit line N of the invoice: 'N[;quantity]'. Repeatable."_s,
                u"SPEC"_s);
    declareLineOptions(l);
}

Status runCreditNoteCreate(Context &ctx, const CommandLine &l)
{
    auto ref = l.required(u"invoice"_s);
    if (!ref)
        return ref.error();
    KONTOR_TRY(ctx.openLedger());
    Ledger &ledger = ctx.ledger();
    auto invoice = findDocumentOfKind(ledger, ref.value(), DocumentKind::Invoice);
    if (!invoice)
        return invoice.error();
    CreditNoteRequest request;
    request.invoiceId = invoice->id;
    request.reason = l.value(u"reason"_s);
    if (l.isSet(u"date"_s)) {
        auto date = parseDate(l.value(u"date"_s), u"issueDate"_s);
        if (!date)
            return date.error();
        request.issueDate = date.value();
    }
    const auto given = l.orderedValues({u"line"_s, u"item"_s, u"invoice-line"_s});
    for (const auto &[name, value] : given) {
        const QString field = u"lines[%1]"_s.arg(request.lines.size());
        if (name == u"invoice-line"_s) {
            const QStringList f = splitSpec(value);
            if (f.size() > 2)
                return validationError(field, u"invoice-line-format"_s,
                                       u"'%1' is not 'N[;quantity]'"_s.arg(value));
            auto n = parseInteger(f.at(0), field + u".invoiceLine"_s, 1,
                                  int(qMax<qsizetype>(1, invoice->lines.size())));
            if (!n || invoice->lines.isEmpty())
                return validationError(field + u".invoiceLine"_s, u"unknown-line"_s,
                                       u"'%1' is not a line of %2, which has lines 1 to %3"_s
                                           .arg(f.at(0), invoice->number)
                                           .arg(invoice->lines.size()));
            DocumentLine line = invoice->lines.at(n.value() - 1);
            line.id.clear();
            if (f.size() == 2 && !f.at(1).isEmpty()) {
                auto q = parseQuantity(f.at(1), field + u".quantity"_s);
                if (!q)
                    return q.error();
                line.quantity = q.value();
            }
            request.lines.append(line);
            continue;
        }
        auto in = name == u"line"_s ? lineFromSpec(value, field) : lineFromItem(value, field);
        if (!in)
            return in.error();
        auto line = buildLine(ledger, in.value(), invoice->currency);
        if (!line)
            return line.error();
        request.lines.append(line.value());
    }
    auto created = ledger.createCreditNote(request);
    if (!created)
        return created.error();
    reportDocument(ctx, created.value(), u"created"_s);
    return {};
}

// ---- issue, convert, delete -----------------------------------------------------------------

void declareIssue(CommandLine &l, DocumentKind kind)
{
    l.addHelpParagraph(
        u"Issues a draft %1: takes the next number of the series, freezes the "
        "document and records it in the audit chain. Prints the number."_s.arg(kindText(kind)));
    l.addPositional(u"draft"_s, u"Id of the draft."_s, u"DRAFT"_s);
    l.setPositionalRange(1, 1);
    l.addOption(u"date"_s, u"Issue date YYYY-MM-DD (default: the draft's, else today)."_s,
                u"DATE"_s);
    l.addOption(u"series"_s, u"Series id, prefix or name (default: this ledger's first)."_s,
                u"SERIES"_s);
}

Status runIssue(Context &ctx, const CommandLine &l, DocumentKind kind)
{
    KONTOR_TRY(ctx.openLedger());
    Ledger &ledger = ctx.ledger();
    auto draft = findDocumentOfKind(ledger, l.positional(0), kind);
    if (!draft)
        return draft.error();
    IssueOptions options;
    if (l.isSet(u"date"_s)) {
        auto date = parseDate(l.value(u"date"_s), u"issueDate"_s);
        if (!date)
            return date.error();
        options.issueDate = date.value();
    }
    if (l.isSet(u"series"_s)) {
        auto series = findSeries(ledger, l.value(u"series"_s), u"series"_s);
        if (!series)
            return series.error();
        options.seriesId = series->id;
    }
    auto issued = ledger.issue(draft->id, options);
    if (!issued)
        return issued.error();
    reportDocument(ctx, issued.value(), u"issued"_s);
    return {};
}

void declareConvert(CommandLine &l)
{
    l.addHelpParagraph(u"Turns a quote into a draft invoice (the quote becomes 'converted') and "
                       "prints the draft's id."_s);
    l.addPositional(u"quote"_s, u"Id of the quote."_s, u"QUOTE"_s);
    l.setPositionalRange(1, 1);
}

Status runConvert(Context &ctx, const CommandLine &l)
{
    KONTOR_TRY(ctx.openLedger());
    auto quote = findDocumentOfKind(ctx.ledger(), l.positional(0), DocumentKind::Quote);
    if (!quote)
        return quote.error();
    auto invoice = ctx.ledger().convertQuote(quote->id);
    if (!invoice)
        return invoice.error();
    reportDocument(ctx, invoice.value(), u"created"_s);
    return {};
}

void declareDelete(CommandLine &l, DocumentKind kind)
{
    l.addHelpParagraph(u"Deletes a draft %1. Issued documents are never deleted; correct them "
                       "with a credit note."_s.arg(kindText(kind)));
    l.addPositional(u"draft"_s, u"Id of the draft."_s, u"DRAFT"_s);
    l.setPositionalRange(1, 1);
}

Status runDelete(Context &ctx, const CommandLine &l, DocumentKind kind)
{
    KONTOR_TRY(ctx.openLedger());
    auto draft = findDocumentOfKind(ctx.ledger(), l.positional(0), kind);
    if (!draft)
        return draft.error();
    KONTOR_TRY(ctx.ledger().deleteDraft(draft->id));
    ctx.message(u"deleted %1"_s.arg(documentLabel(draft.value())));
    return {};
}

// ---- payments -------------------------------------------------------------------------------

void declarePay(CommandLine &l)
{
    l.addHelpParagraph(u"Records a payment on an issued invoice and prints the payment's id. A "
                       "payment above the open balance is refused unless --overpayment says it "
                       "is meant."_s);
    l.addPositional(u"invoice"_s, u"Invoice number or id."_s, u"INVOICE"_s);
    l.setPositionalRange(1, 1);
    l.addOption(u"amount"_s, u"Amount in the invoice's currency, e.g. 50.00 (required)."_s,
                u"AMOUNT"_s);
    l.addOption(u"date"_s, u"Payment date YYYY-MM-DD (default: today)."_s, u"DATE"_s);
    l.addOption(u"method"_s, u"How it was paid: bank transfer, card, cash, ..."_s, u"TEXT"_s);
    l.addOption(u"reference"_s, u"Bank reference, cheque number, ..."_s, u"TEXT"_s);
    l.addOption(u"overpayment"_s, u"Accept an amount above the open balance."_s);
}

Status runPay(Context &ctx, const CommandLine &l)
{
    auto amountArg = l.required(u"amount"_s);
    if (!amountArg)
        return amountArg.error();
    KONTOR_TRY(ctx.openLedger());
    Ledger &ledger = ctx.ledger();
    auto invoice = findDocumentOfKind(ledger, l.positional(0), DocumentKind::Invoice);
    if (!invoice)
        return invoice.error();
    Payment p;
    p.target = PaymentTarget::Invoice;
    p.targetId = invoice->id;
    p.currency = invoice->currency;
    auto amount = parseAmount(amountArg.value(), invoice->currency, u"amount"_s);
    if (!amount)
        return amount.error();
    p.amountMinor = amount.value();
    if (l.isSet(u"date"_s)) {
        auto date = parseDate(l.value(u"date"_s), u"date"_s);
        if (!date)
            return date.error();
        p.date = date.value();
    }
    p.method = l.value(u"method"_s);
    p.reference = l.value(u"reference"_s);
    p.overpayment = l.isSet(u"overpayment"_s);
    auto recorded = ledger.recordPayment(p);
    if (!recorded)
        return recorded.error();
    auto after = ledger.document(invoice->id);
    if (!after)
        return after.error();
    if (ctx.json) {
        ctx.printJson({{u"payment"_s, toJson(recorded.value())},
                       {u"invoice"_s,
                        QJsonObject {{u"id"_s, after->id},
                                     {u"number"_s, after->number},
                                     {u"status"_s, documentStatusName(after->status)},
                                     {u"balance"_s, after->balanceMinor()}}}});
        return {};
    }
    ctx.out() << recorded->id << u'\n';
    ctx.message(u"recorded %1 %2 on invoice %3; balance %4 %2 (%5)"_s.arg(
        amountText(recorded->amountMinor, after->currency), after->currency, after->number,
        amountText(after->balanceMinor(), after->currency), documentStatusName(after->status)));
    return {};
}

// ---- list and show --------------------------------------------------------------------------

void declareList(CommandLine &l, DocumentKind kind)
{
    l.addHelpParagraph(u"Lists %1s, newest first, one page at a time. Amounts are in the "
                       "document's currency; with --json they are integers of minor units "
                       "(cents)."_s.arg(kindText(kind)));
    l.addOption(u"status"_s, u"draft, issued, partially_paid, paid, credited or converted."_s,
                u"STATUS"_s);
    l.addOption(u"customer"_s, u"Only this customer (id or name)."_s, u"CUSTOMER"_s);
    l.addOption(u"from"_s, u"Issued on or after DATE (YYYY-MM-DD)."_s, u"DATE"_s);
    l.addOption(u"to"_s, u"Issued on or before DATE (YYYY-MM-DD)."_s, u"DATE"_s);
    l.addOption(u"open"_s, u"Only issued documents with an open balance."_s);
    l.addOption(u"overdue"_s, u"Only open documents past their due date."_s);
    l.addOption(u"search"_s, u"Number or customer name starting with TEXT."_s, u"TEXT"_s);
    l.addOption(u"sort"_s, u"issue-date (default), number, customer, total or due-date."_s,
                u"KEY"_s);
    l.addOption(u"asc"_s, u"Ascending order (default: descending)."_s);
    l.addOption(u"limit"_s, u"Rows per page, 1 to 1000 (default 50)."_s, u"N"_s);
    l.addOption(u"after"_s, u"Continue after this cursor (printed with the previous page)."_s,
                u"CURSOR"_s);
}

Status runList(Context &ctx, const CommandLine &l, DocumentKind kind)
{
    KONTOR_TRY(ctx.openLedger());
    Ledger &ledger = ctx.ledger();
    DocumentQuery q;
    q.kind = kind;
    if (l.isSet(u"status"_s)) {
        QString name = l.value(u"status"_s);
        name.replace(u'-', u'_');
        const auto status = documentStatusFromName(name);
        if (!status)
            return validationError(u"status"_s, u"invalid-value"_s,
                                   u"'%1' is not a status: draft, issued, partially_paid, paid, "
                                   "credited, converted"_s.arg(l.value(u"status"_s)));
        q.status = status;
    }
    if (l.isSet(u"customer"_s)) {
        auto c = findCustomer(ledger, l.value(u"customer"_s), u"customer"_s);
        if (!c)
            return c.error();
        q.customerId = c->id;
    }
    if (l.isSet(u"from"_s)) {
        auto d = parseDate(l.value(u"from"_s), u"from"_s);
        if (!d)
            return d.error();
        q.from = d.value();
    }
    if (l.isSet(u"to"_s)) {
        auto d = parseDate(l.value(u"to"_s), u"to"_s);
        if (!d)
            return d.error();
        q.to = d.value();
    }
    q.openOnly = l.isSet(u"open"_s);
    q.overdueOnly = l.isSet(u"overdue"_s);
    q.search = l.value(u"search"_s);
    if (l.isSet(u"sort"_s)) {
        static const QList<std::pair<QString, DocumentSort>> sorts {
            {u"issue-date"_s, DocumentSort::IssueDate},
            {u"number"_s, DocumentSort::Number},
            {u"customer"_s, DocumentSort::Customer},
            {u"total"_s, DocumentSort::Total},
            {u"due-date"_s, DocumentSort::DueDate}};
        const QString key = l.value(u"sort"_s);
        const auto it = std::find_if(sorts.cbegin(), sorts.cend(),
                                     [&](const auto &s) { return s.first == key; });
        if (it == sorts.cend())
            return validationError(u"sort"_s, u"invalid-value"_s,
                                   u"'%1' is not a sort key: issue-date, number, customer, total, "
                                   "due-date"_s.arg(key));
        q.sort = it->second;
    }
    q.descending = !l.isSet(u"asc"_s);
    if (l.isSet(u"limit"_s)) {
        auto limit = parseInteger(l.value(u"limit"_s), u"limit"_s, 1, 1000);
        if (!limit)
            return limit.error();
        q.limit = limit.value();
    }
    q.after = l.value(u"after"_s);
    auto page = ledger.documents(q);
    if (!page)
        return page.error();
    if (ctx.json) {
        QJsonArray items;
        for (const DocumentSummary &s : page->items)
            items.append(summaryJson(s));
        ctx.printJson(pageJson(items, page->next));
        return {};
    }
    Table t({u"Number"_s, u"Date"_s, u"Due"_s, u"Customer"_s, u"Status"_s, u"Total"_s, u"Balance"_s,
             u"Cur."_s, u"Id"_s});
    t.alignRight(5);
    t.alignRight(6);
    for (const DocumentSummary &s : page->items) {
        const bool issued = s.status != DocumentStatus::Draft && kind == DocumentKind::Invoice;
        t.addRow({s.number.isEmpty() ? u"(draft)"_s : s.number, dateToText(s.issueDate),
                  dateToText(s.dueDate), s.customerName,
                  documentStatusName(s.status) + (s.overdue ? u", overdue"_s : QString()),
                  amountText(s.totalMinor, s.currency),
                  issued ? amountText(s.balanceMinor(), s.currency) : QString(), s.currency, s.id});
    }
    t.print(ctx.out());
    if (!page->next.isEmpty())
        ctx.message(u"more rows: continue with --after %1"_s.arg(page->next));
    return {};
}

void declareShow(CommandLine &l, const QString &what)
{
    l.addHelpParagraph(u"Shows %1 with its lines, VAT breakdown, totals and payments."_s.arg(what));
    l.addPositional(u"document"_s, u"Number or id."_s, u"DOCUMENT"_s);
    l.setPositionalRange(1, 1);
}

Status runShow(Context &ctx, const CommandLine &l, std::optional<DocumentKind> kind)
{
    KONTOR_TRY(ctx.openLedger());
    auto doc = kind ? findDocumentOfKind(ctx.ledger(), l.positional(0), *kind)
                    : findDocument(ctx.ledger(), l.positional(0));
    if (!doc)
        return doc.error();
    return showDocument(ctx, doc.value());
}

} // namespace

QList<CommandSpec> documentCommands()
{
    using K = DocumentKind;
    return {
        {u"invoice"_s, u"create"_s, u"Create a draft invoice"_s,
         [](CommandLine &l) { declareDraft(l, K::Invoice); },
         [](Context &c, const CommandLine &l) { return runDraftCreate(c, l, K::Invoice); }},
        {u"invoice"_s, u"issue"_s, u"Issue a draft invoice (prints its number)"_s,
         [](CommandLine &l) { declareIssue(l, K::Invoice); },
         [](Context &c, const CommandLine &l) { return runIssue(c, l, K::Invoice); }},
        {u"invoice"_s, u"pay"_s, u"Record a payment on an invoice"_s, declarePay, runPay},
        {u"invoice"_s, u"list"_s, u"List and filter invoices"_s,
         [](CommandLine &l) { declareList(l, K::Invoice); },
         [](Context &c, const CommandLine &l) { return runList(c, l, K::Invoice); }},
        {u"invoice"_s, u"show"_s, u"Show one invoice"_s,
         [](CommandLine &l) { declareShow(l, u"an invoice"_s); },
         [](Context &c, const CommandLine &l) { return runShow(c, l, K::Invoice); }},
        {u"invoice"_s, u"delete"_s, u"Delete a draft invoice"_s,
         [](CommandLine &l) { declareDelete(l, K::Invoice); },
         [](Context &c, const CommandLine &l) { return runDelete(c, l, K::Invoice); }},
        {u"credit-note"_s, u"create"_s, u"Create a draft credit note for an invoice"_s,
         declareCreditNote, runCreditNoteCreate},
        {u"credit-note"_s, u"issue"_s, u"Issue a draft credit note (prints its number)"_s,
         [](CommandLine &l) { declareIssue(l, K::CreditNote); },
         [](Context &c, const CommandLine &l) { return runIssue(c, l, K::CreditNote); }},
        {u"credit-note"_s, u"list"_s, u"List credit notes"_s,
         [](CommandLine &l) { declareList(l, K::CreditNote); },
         [](Context &c, const CommandLine &l) { return runList(c, l, K::CreditNote); }},
        {u"credit-note"_s, u"show"_s, u"Show one credit note"_s,
         [](CommandLine &l) { declareShow(l, u"a credit note"_s); },
         [](Context &c, const CommandLine &l) { return runShow(c, l, K::CreditNote); }},
        {u"quote"_s, u"create"_s, u"Create a quote"_s,
         [](CommandLine &l) { declareDraft(l, K::Quote); },
         [](Context &c, const CommandLine &l) { return runDraftCreate(c, l, K::Quote); }},
        {u"quote"_s, u"convert"_s, u"Turn a quote into a draft invoice"_s, declareConvert,
         runConvert},
        {u"quote"_s, u"list"_s, u"List quotes"_s, [](CommandLine &l) { declareList(l, K::Quote); },
         [](Context &c, const CommandLine &l) { return runList(c, l, K::Quote); }},
        {u"quote"_s, u"show"_s, u"Show one quote"_s,
         [](CommandLine &l) { declareShow(l, u"a quote"_s); },
         [](Context &c, const CommandLine &l) { return runShow(c, l, K::Quote); }},
        {u"quote"_s, u"delete"_s, u"Delete a quote"_s,
         [](CommandLine &l) { declareDelete(l, K::Quote); },
         [](Context &c, const CommandLine &l) { return runDelete(c, l, K::Quote); }},
        {u"show"_s,
         {},
         u"Show any document by number or id"_s,
         [](CommandLine &l) { declareShow(l, u"any document"_s); },
         [](Context &c, const CommandLine &l) { return runShow(c, l, std::nullopt); }},
    };
}

} // namespace Kontor::Cli
