// Ledger benchmark: builds ledgers of issued invoices (1k, 10k, 100k by default) in real SQLite
// files through the model's public API, then measures how fast they are built, opened, paged,
// searched and summed, and prints the figures as one JSON object on stdout. The figures recorded
// in docs/benchmarks.md come from this program; nothing here asserts a time.
//
// The invoices are created and issued 1 000 at a time (Ledger::issueMany); the two-step path
// (createDraft, then issue) is measured on a sample for comparison. Writes are batched: an outer
// WriteTransaction wraps every `Batch` operations, because with synchronous=FULL a commit per
// operation measures the disk's fsync rather than the ledger. The per-operation-commit rate (what
// one interactive user sees per click) is measured separately on a smaller sample and printed as
// well.

#include "ledger.h"
#include "money.h"
#include "store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iterator>
#include <memory>

using namespace Qt::StringLiterals;

namespace Kontor {
namespace {

constexpr int Batch = 1000;
constexpr int CustomerCount = 300;
constexpr int LinesPerInvoice = 5;
constexpr int DeepPage = 100;
constexpr int SpanDays = 730; // issue dates spread over the two years up to today

struct Options
{
    QList<int> sizes {1000, 10000, 100000};
    int repeat = 20;
    int perOpSample = 500;
    int twoStepSample = 2000;
    bool verify = true;
    QString dir;
    bool keep = false;
    quint32 seed = 20240601;
};

// The work directory, removed on failure too: std::exit skips the QTemporaryDir's destructor.
QString s_workDir;

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "kontor-bench-ledger: %s\n", qPrintable(message));
    if (!s_workDir.isEmpty())
        QDir(s_workDir).removeRecursively();
    std::exit(1);
}

[[noreturn]] void fail(const QString &what, const Error &e)
{
    fail(what + u": "_s + e.toString());
}

template<typename T> T must(Result<T> r, const QString &what)
{
    if (!r)
        fail(what, r.error());
    return std::move(r).value();
}

void check(const Status &s, const QString &what)
{
    if (!s)
        fail(what, s.error());
}

void progress(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
    std::fflush(stderr);
}

double round3(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

double msOf(qint64 ns)
{
    return double(ns) / 1e6;
}

double perSecond(qint64 count, qint64 ns)
{
    return ns > 0 ? std::round(double(count) * 1e9 / double(ns)) : 0.0;
}

// Median and 95th percentile (nearest rank) of the samples, in milliseconds with 3 decimals.
QJsonObject summarize(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    const qsizetype n = samples.size();
    if (n == 0)
        return {};
    const double median
        = n % 2 ? samples.at(n / 2) : (samples.at(n / 2 - 1) + samples.at(n / 2)) / 2.0;
    const qsizetype rank = qsizetype(std::ceil(0.95 * double(n)));
    const double p95 = samples.at(std::clamp<qsizetype>(rank - 1, 0, n - 1));
    return {{u"median_ms"_s, round3(median)},
            {u"p95_ms"_s, round3(p95)},
            {u"min_ms"_s, round3(samples.first())},
            {u"max_ms"_s, round3(samples.last())},
            {u"runs"_s, int(n)}};
}

// Runs `query` once on its own (that call also prepares the statement; reported as first_ms),
// then `repeat` more times, and summarizes the repeated runs. `query` returns the number of rows
// it produced.
template<typename F> QJsonObject timeQuery(int repeat, F &&query)
{
    QElapsedTimer t;
    t.start();
    int rows = query();
    const double first = msOf(t.nsecsElapsed());
    QList<double> samples;
    for (int i = 0; i < repeat; ++i) {
        t.restart();
        rows = query();
        samples.append(msOf(t.nsecsElapsed()));
    }
    QJsonObject o = summarize(samples);
    o.insert(u"first_ms"_s, round3(first));
    o.insert(u"rows"_s, rows);
    return o;
}

// --- the ledger's content ---------------------------------------------------------------------

struct ProductRef
{
    QString id;
    QString name;
    QString unit;
    qint64 unitPrice = 0;
    QString taxRateId;
};

struct Fixture
{
    QStringList customerIds;
    QList<ProductRef> products;
};

struct IssuedRef
{
    QString id;
    QDate issueDate;
    QDate dueDate;
    qint64 total = 0;
};

const char *const kSurnames[]
    = {"Rossi",    "Russo",  "Ferrari",  "Esposito", "Bianchi",  "Romano",  "Colombo", "Ricci",
       "Marino",   "Greco",  "Bruno",    "Gallo",    "Conti",    "De Luca", "Mancini", "Costa",
       "Giordano", "Rizzo",  "Lombardi", "Moretti",  "Barbieri", "Fontana", "Santoro", "Mariani",
       "Rinaldi",  "Caruso", "Ferrara",  "Galli",    "Martini",  "Leone"};
const char *const kTrades[] = {"Costruzioni", "Trasporti",   "Consulting", "Impianti", "Alimentari",
                               "Arredamenti", "Informatica", "Ottica",     "Tessile",  "Vini"};
static_assert(std::size(kSurnames) * std::size(kTrades) == CustomerCount);

QString taxRateIdByName(const QList<TaxRate> &rates, const QString &name)
{
    for (const TaxRate &r : rates)
        if (r.name == name)
            return r.id;
    fail(u"the new ledger has no tax rate named '%1'"_s.arg(name));
}

// Company, 300 customers with three kinds of payment terms, and products over five tax rates
// (22 %, 10 %, 4 %, zero rated, exempt).
Fixture populate(Ledger &ledger)
{
    CompanyProfile company;
    company.name = u"Officina Benchmark S.r.l."_s;
    company.address = {u"Via Roma 1"_s, {}, u"20121"_s, u"Milano"_s, u"MI"_s, u"IT"_s};
    company.vatId = u"IT01234567890"_s;
    company.email = u"fatture@example.it"_s;
    company.currency = u"EUR"_s;
    company.paymentTermsDays = 30;
    check(ledger.initialize(company, u"INV-"_s), u"initialize"_s);

    Fixture f;
    WriteTransaction tx(ledger.store());
    if (!tx.isOpen())
        fail(u"begin"_s, tx.beginError());
    int i = 0;
    for (const char *surname : kSurnames) {
        for (const char *trade : kTrades) {
            Customer c;
            c.name = u"%1 %2 S.r.l."_s.arg(QString::fromUtf8(surname), QString::fromUtf8(trade));
            c.email = u"amministrazione%1@example.it"_s.arg(i);
            c.vatId = u"IT%1"_s.arg(10000000000LL + i * 7919LL, 11, 10, QChar(u'0'));
            c.billingAddress = {u"Via Garibaldi %1"_s.arg(i + 1),
                                {},
                                u"%1"_s.arg(10100 + i),
                                u"Torino"_s,
                                u"TO"_s,
                                u"IT"_s};
            const int terms[] = {-1, 14, 60};
            c.paymentTermsDays = terms[i % 3];
            const Customer added = must(ledger.addCustomer(c), u"addCustomer"_s);
            f.customerIds.append(added.id);
            ++i;
        }
    }

    const auto rates = must(ledger.taxRates(), u"taxRates"_s);
    struct Spec
    {
        const char *name;
        const char *unit;
        qint64 priceMinor;
        const char *rate;
    };
    const Spec specs[] = {
        {"Consulenza", "HUR", 8000, "IVA 22%"},
        {"Licenza software", "C62", 25000, "IVA 22%"},
        {"Formazione in aula", "DAY", 60000, "IVA 22%"},
        {"Hosting mensile", "MON", 2999, "IVA 22%"},
        {"Catering", "C62", 1890, "IVA 10%"},
        {"Manuale tecnico", "C62", 3550, "IVA 4%"},
        {"Visita medica del lavoro", "C62", 12000, "Exempt"},
        {"Spedizione extra-UE", "C62", 4500, "Zero rated"},
    };
    for (const Spec &s : specs) {
        Product p;
        p.name = QString::fromUtf8(s.name);
        p.unit = QString::fromUtf8(s.unit);
        p.unitPrice = s.priceMinor * PriceExtraScale;
        p.taxRateId = taxRateIdByName(rates, QString::fromUtf8(s.rate));
        const Product added = must(ledger.addProduct(p), u"addProduct"_s);
        f.products.append({added.id, added.name, added.unit, added.unitPrice, added.taxRateId});
    }
    check(tx.commit(), u"commit setup"_s);
    return f;
}

Document makeDraft(const Fixture &f, QRandomGenerator &rng, const QDate &issueDate)
{
    Document d;
    d.kind = DocumentKind::Invoice;
    d.customerId = f.customerIds.at(int(rng.bounded(quint32(f.customerIds.size()))));
    d.issueDate = issueDate;
    for (int l = 0; l < LinesPerInvoice; ++l) {
        const ProductRef &p = f.products.at(int(rng.bounded(quint32(f.products.size()))));
        DocumentLine line;
        line.productId = p.id;
        line.description = p.name;
        line.unit = p.unit;
        line.unitPrice = p.unitPrice;
        line.quantity = qint64(2 + rng.bounded(40)) * QuantityScale / 2; // 1 to 20.5, by halves
        line.discountBp = rng.bounded(10) == 0 ? 500 : 0;
        line.taxRateId = p.taxRateId;
        d.lines.append(line);
    }
    return d;
}

// Issue date of the i-th of n invoices: evenly spread over SpanDays up to today, in number order.
QDate issueDateOf(const QDate &today, qint64 i, qint64 n)
{
    return today.addDays(-SpanDays + (i * SpanDays) / std::max<qint64>(n, 1));
}

struct PaymentPlan
{
    QString invoiceId;
    QDate date;
    qint64 amount = 0;
};

// A realistic mix: invoices well past their due date are mostly paid, some partially, some not
// (those are overdue); recent invoices are mostly still open.
QList<PaymentPlan> planPayments(const QList<IssuedRef> &issued, const QDate &today,
                                QRandomGenerator &rng)
{
    QList<PaymentPlan> out;
    for (const IssuedRef &inv : issued) {
        const bool old = inv.dueDate < today.addDays(-15);
        const int roll = int(rng.bounded(100));
        const int fullBelow = old ? 85 : 30;
        const int partialBelow = old ? 92 : 40;
        if (roll >= partialBelow)
            continue;
        const bool full = roll < fullBelow;
        const qint64 amount = full ? inv.total : inv.total / 2;
        if (amount <= 0)
            continue;
        const QDate date = std::min(today, inv.issueDate.addDays(5 + rng.bounded(45)));
        out.append({inv.id, date, amount});
    }
    return out;
}

Payment makePayment(const PaymentPlan &plan, qsizetype n)
{
    Payment p;
    p.target = PaymentTarget::Invoice;
    p.targetId = plan.invoiceId;
    p.date = plan.date;
    p.amountMinor = plan.amount;
    p.method = u"bank transfer"_s;
    p.reference = u"CRO %1"_s.arg(n + 1, 8, 10, QChar(u'0'));
    return p;
}

// The system's load average (Linux), recorded with the figures: other work on the machine
// shows in the times, and the process CPU time of the build stays comparable across runs.
QString loadAverage()
{
    QFile f(u"/proc/loadavg"_s);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(f.readAll()).section(u' ', 0, 2);
}

qint64 fileSize(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.size() : 0;
}

qint64 scalar(Store &store, const QString &sql, std::initializer_list<QVariant> binds = {})
{
    QSqlQuery *q = must(store.exec(sql, binds), sql);
    const qint64 v = q->next() ? q->value(0).toLongLong() : 0;
    q->finish();
    return v;
}

QString sortName(DocumentSort s)
{
    switch (s) {
    case DocumentSort::IssueDate:
        return u"issue_date"_s;
    case DocumentSort::Number:
        return u"number"_s;
    case DocumentSort::Customer:
        return u"customer"_s;
    case DocumentSort::Total:
        return u"total"_s;
    case DocumentSort::DueDate:
        return u"due_date"_s;
    }
    return {};
}

// --- one ledger size ------------------------------------------------------------------------

struct SizeResult
{
    QJsonObject json;
    QMap<QString, double> key; // figures compared across sizes (growth) and against targets
};

SizeResult runSize(int n, const Options &opt, const QString &dir)
{
    SizeResult res;
    const QString path = QDir(dir).filePath(u"ledger-%1.kontor"_s.arg(n));
    const QDate today = QDate::currentDate();
    QRandomGenerator rng(opt.seed + quint32(n));
    progress(u"[%1] building %2"_s.arg(n).arg(path));

    QJsonObject build;
    QJsonObject counts;
    QJsonObject verification;
    {
        auto store = must(Store::open(path, Store::OpenMode::CreateNew), u"create ledger"_s);
        Ledger ledger(*store);

        QElapsedTimer total;
        total.start();
        const std::clock_t cpuStart = std::clock();
        QElapsedTimer t;
        t.start();
        const Fixture fixture = populate(ledger);
        const qint64 setupNs = t.nsecsElapsed();

        // Invoices, created and issued Batch at a time (Ledger::issueMany: one transaction per
        // batch), with the issue date spread over two years, in number order.
        QList<IssuedRef> issued;
        issued.reserve(n);
        t.restart();
        const std::clock_t issueCpuStart = std::clock();
        for (int start = 0; start < n; start += Batch) {
            QList<Document> drafts;
            drafts.reserve(Batch);
            for (int i = start; i < std::min(n, start + Batch); ++i)
                drafts.append(makeDraft(fixture, rng, issueDateOf(today, i, n)));
            const QList<Document> docs = must(ledger.issueMany(std::move(drafts)), u"issueMany"_s);
            for (const Document &d : docs)
                issued.append({d.id, d.issueDate, d.dueDate, d.totals.payable});
        }
        const qint64 issueNs = t.nsecsElapsed();
        const double issueCpuS = double(std::clock() - issueCpuStart) / CLOCKS_PER_SEC;
        progress(u"[%1] invoices created and issued: %2 s"_s.arg(n).arg(issueNs / 1e9, 0, 'f', 3));

        // Payments.
        const QList<PaymentPlan> plans = planPayments(issued, today, rng);
        t.restart();
        for (qsizetype start = 0; start < plans.size(); start += Batch) {
            WriteTransaction tx(*store);
            if (!tx.isOpen())
                fail(u"begin"_s, tx.beginError());
            for (qsizetype i = start; i < std::min<qsizetype>(plans.size(), start + Batch); ++i)
                must(ledger.recordPayment(makePayment(plans.at(i), i)), u"recordPayment"_s);
            check(tx.commit(), u"commit payments"_s);
        }
        const qint64 paymentNs = t.nsecsElapsed();
        const qint64 totalNs = total.nsecsElapsed();
        const double cpuS = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
        progress(u"[%1] payments: %2 s"_s.arg(n).arg(paymentNs / 1e9, 0, 'f', 3));

        build = QJsonObject {
            {u"batch"_s, Batch},
            {u"setup_s"_s, round3(setupNs / 1e9)},
            // The build: the invoices created and issued Batch at a time (issueMany).
            {u"issued"_s, n},
            {u"issued_s"_s, round3(issueNs / 1e9)},
            {u"issued_per_s"_s, perSecond(n, issueNs)},
            {u"issued_cpu_s"_s, round3(issueCpuS)},
            {u"payments"_s, int(plans.size())},
            {u"payments_s"_s, round3(paymentNs / 1e9)},
            {u"payments_per_s"_s, perSecond(plans.size(), paymentNs)},
            {u"total_s"_s, round3(totalNs / 1e9)},
            // Process CPU time over the build (std::clock); well below total_s means waiting
            // on the disk.
            {u"cpu_s"_s, round3(cpuS)},
        };
        res.key.insert(u"build.issued_s"_s, issueNs / 1e9);
        res.key.insert(u"build.total_s"_s, totalNs / 1e9);

        const QString todayText = today.toString(Qt::ISODate);
        counts = QJsonObject {
            {u"invoices"_s,
             scalar(*store, u"SELECT count(*) FROM documents WHERE kind = 'invoice'"_s)},
            {u"lines"_s, scalar(*store, u"SELECT count(*) FROM document_lines"_s)},
            {u"customers"_s, scalar(*store, u"SELECT count(*) FROM customers"_s)},
            {u"products"_s, scalar(*store, u"SELECT count(*) FROM products"_s)},
            {u"payments"_s, scalar(*store, u"SELECT count(*) FROM payments"_s)},
            {u"paid"_s, scalar(*store, u"SELECT count(*) FROM documents WHERE status = 'paid'"_s)},
            {u"partially_paid"_s,
             scalar(*store, u"SELECT count(*) FROM documents WHERE status = 'partially_paid'"_s)},
            {u"issued_unpaid"_s,
             scalar(*store, u"SELECT count(*) FROM documents WHERE status = 'issued'"_s)},
            {u"overdue"_s,
             scalar(*store,
                    u"SELECT count(*) FROM documents WHERE kind = 'invoice' AND status IN "
                    "('issued', 'partially_paid') AND due_date <> '' AND due_date < ?"_s,
                    {todayText})},
            {u"outbox"_s, scalar(*store, u"SELECT count(*) FROM outbox"_s)},
            {u"audit_chain"_s, scalar(*store, u"SELECT count(*) FROM audit_chain"_s)},
        };

        // The ledger built must verify: the audit chain, each issued document and payment
        // against its chained snapshot, the immutability triggers.
        if (opt.verify) {
            progress(u"[%1] verify"_s.arg(n));
            t.restart();
            const AuditReport report = must(ledger.verify(), u"verify"_s);
            verification = QJsonObject {{u"ok"_s, report.ok()},
                                        {u"entries"_s, report.entries},
                                        {u"problems"_s, int(report.problems.size())},
                                        {u"s"_s, round3(t.nsecsElapsed() / 1e9)}};
            if (!report.ok())
                fail(u"the ledger built does not verify: %1"_s.arg(
                    report.problems.first().description));
        }
    } // the store closes here: WAL checkpointed, file complete

    const qint64 bytes = fileSize(path);
    res.json.insert(u"file"_s,
                    QJsonObject {{u"bytes"_s, bytes},
                                 {u"wal_bytes_after_close"_s, fileSize(path + u"-wal"_s)},
                                 {u"bytes_per_invoice"_s, n > 0 ? double(bytes / n) : 0.0}});
    res.key.insert(u"file.bytes"_s, double(bytes));

    // Fresh open: Store::open + Ledger, then the first page of the default list.
    {
        progress(u"[%1] fresh opens"_s.arg(n));
        QList<double> openMs, pageMs, totalMs;
        for (int i = 0; i < std::max(opt.repeat, 1); ++i) {
            QElapsedTimer t;
            t.start();
            auto store = must(Store::open(path, Store::OpenMode::OpenExisting), u"open"_s);
            Ledger ledger(*store);
            const qint64 opened = t.nsecsElapsed();
            const auto page = must(ledger.documents(DocumentQuery {}), u"first page"_s);
            const qint64 done = t.nsecsElapsed();
            if (page.items.isEmpty() && n > 0)
                fail(u"the first page is empty"_s);
            openMs.append(msOf(opened));
            pageMs.append(msOf(done - opened));
            totalMs.append(msOf(done));
        }
        QJsonObject total = summarize(totalMs);
        total.insert(u"first_ms"_s, round3(totalMs.first()));
        res.json.insert(u"open_to_first_page"_s,
                        QJsonObject {{u"total"_s, total},
                                     {u"store_open_and_ledger"_s, summarize(openMs)},
                                     {u"first_page_query"_s, summarize(pageMs)}});
        res.key.insert(u"open_to_first_page"_s, total.value(u"median_ms"_s).toDouble());
        res.key.insert(u"open_to_first_page.p95"_s, total.value(u"p95_ms"_s).toDouble());
    }

    auto store = must(Store::open(path, Store::OpenMode::OpenExisting), u"open"_s);
    Ledger ledger(*store);
    auto record = [&](const QString &key, const QJsonObject &timing) {
        res.key.insert(key, timing.value(u"median_ms"_s).toDouble());
        res.key.insert(key + u".p95"_s, timing.value(u"p95_ms"_s).toDouble());
    };
    auto pageRows = [&](const DocumentQuery &q) {
        return int(must(ledger.documents(q), u"documents"_s).items.size());
    };

    // Pages: the first one and a deep one reached through the keyset cursor.
    progress(u"[%1] pages"_s.arg(n));
    QJsonObject pages;
    for (DocumentSort sort : {DocumentSort::IssueDate, DocumentSort::Number, DocumentSort::Customer,
                              DocumentSort::Total}) {
        DocumentQuery q;
        q.sort = sort;
        const QJsonObject first = timeQuery(opt.repeat, [&] { return pageRows(q); });

        QString cursor;
        int page = 1;
        while (page < DeepPage) {
            q.after = cursor;
            const auto p = must(ledger.documents(q), u"documents"_s);
            if (p.next.isEmpty())
                break;
            cursor = p.next;
            ++page;
        }
        q.after = cursor;
        QJsonObject deep = timeQuery(opt.repeat, [&] { return pageRows(q); });
        deep.insert(u"page"_s, page);
        pages.insert(sortName(sort), QJsonObject {{u"first"_s, first}, {u"deep"_s, deep}});
        record(u"page.%1.first"_s.arg(sortName(sort)), first);
        record(u"page.%1.deep"_s.arg(sortName(sort)), deep);
    }
    res.json.insert(u"pages"_s, pages);

    // Searches (first page of results, default sort by issue date).
    progress(u"[%1] searches"_s.arg(n));
    // A number prefix matching about a hundred invoices (the middle one without its last two
    // digits), and a broad one whose matches cluster in the older half of the ledger (the prefix
    // and the first digit of the number a fifth of the way in: "INV-2" at 100k).
    QString numberPrefix = u"INV-"_s;
    QString broadNumberPrefix = u"INV-"_s;
    for (const NumberSeries &s : must(ledger.seriesList(), u"series"_s)) {
        if (s.kind == DocumentKind::Invoice) {
            numberPrefix = s.format(std::max(1, n / 2)).chopped(2);
            broadNumberPrefix = s.format(std::max(1, n / 5)).left(s.prefix.size() + 1);
        }
    }
    const QList<std::pair<QString, QString>> searches = {
        {u"customer_name_prefix"_s, u"bianchi tr"_s}, // one customer
        {u"customer_name_prefix_short"_s, u"Bianchi"_s}, // ten customers
        {u"number_prefix"_s, numberPrefix}, // a hundred invoices
        {u"number_prefix_broad"_s, broadNumberPrefix}, // many, clustered in the past
        {u"no_match"_s, u"zzz"_s},
    };
    QJsonObject search;
    for (const auto &[name, term] : searches) {
        DocumentQuery q;
        q.search = term;
        QJsonObject timing = timeQuery(opt.repeat, [&] { return pageRows(q); });
        timing.insert(u"term"_s, term);
        search.insert(name, timing);
        record(u"search.%1"_s.arg(name), timing);
    }
    res.json.insert(u"search"_s, search);

    // Overdue filter, first page.
    {
        DocumentQuery q;
        q.overdueOnly = true;
        const QJsonObject timing = timeQuery(opt.repeat, [&] { return pageRows(q); });
        res.json.insert(u"overdue_first_page"_s, timing);
        record(u"overdue_first_page"_s, timing);
    }

    // Outstanding totals, all open and overdue only.
    for (bool overdueOnly : {false, true}) {
        QHash<QString, qint64> value;
        QJsonObject timing = timeQuery(opt.repeat, [&] {
            value = must(ledger.outstandingTotals(overdueOnly), u"outstandingTotals"_s);
            return int(value.size());
        });
        QJsonObject values;
        for (auto it = value.cbegin(); it != value.cend(); ++it)
            values.insert(it.key(), formatMinor(it.value(), 2));
        timing.insert(u"value"_s, values);
        const QString key = overdueOnly ? u"outstanding_overdue"_s : u"outstanding"_s;
        res.json.insert(key, timing);
        record(key, timing);
    }

    // The customers and products of the ledger, for the samples below.
    const Fixture fixture = [&] {
        Fixture f;
        const auto customers
            = must(ledger.customers(CustomerQuery {{}, false, 1000, {}}), u"customers"_s);
        for (const Customer &c : customers.items)
            f.customerIds.append(c.id);
        const auto products
            = must(ledger.products(ProductQuery {{}, false, 1000, {}}), u"products"_s);
        for (const Product &p : products.items)
            f.products.append({p.id, p.name, p.unit, p.unitPrice, p.taxRateId});
        return f;
    }();

    // The two-step path for comparison: drafts created (createDraft), then issued (issue),
    // batched like the build, on a sample measured after the queries (the ledger grows by it).
    if (opt.twoStepSample > 0) {
        const int k = std::min(n, opt.twoStepSample);
        progress(u"[%1] drafts then issues (%2)"_s.arg(n).arg(k));
        QStringList ids;
        QElapsedTimer t;
        t.start();
        for (int start = 0; start < k; start += Batch) {
            WriteTransaction tx(*store);
            if (!tx.isOpen())
                fail(u"begin"_s, tx.beginError());
            for (int i = start; i < std::min(k, start + Batch); ++i)
                ids.append(
                    must(ledger.createDraft(makeDraft(fixture, rng, today)), u"createDraft"_s).id);
            check(tx.commit(), u"commit drafts"_s);
        }
        const qint64 draftNs = t.nsecsElapsed();
        t.restart();
        for (int start = 0; start < k; start += Batch) {
            WriteTransaction tx(*store);
            if (!tx.isOpen())
                fail(u"begin"_s, tx.beginError());
            for (int i = start; i < std::min(k, start + Batch); ++i)
                must(ledger.issue(ids.at(i)), u"issue"_s);
            check(tx.commit(), u"commit issues"_s);
        }
        const qint64 issueNs = t.nsecsElapsed();
        build.insert(u"drafts"_s, k);
        build.insert(u"drafts_s"_s, round3(draftNs / 1e9));
        build.insert(u"drafts_per_s"_s, perSecond(k, draftNs));
        build.insert(u"issues"_s, k);
        build.insert(u"issues_s"_s, round3(issueNs / 1e9));
        build.insert(u"issues_per_s"_s, perSecond(k, issueNs));
        build.insert(u"drafts_and_issues_s"_s, round3((draftNs + issueNs) / 1e9));
        build.insert(u"drafts_and_issues_ms_per_invoice"_s, round3(msOf(draftNs + issueNs) / k));
        build.insert(u"issued_ms_per_invoice"_s,
                     round3(build.value(u"issued_s"_s).toDouble() * 1000.0 / std::max(n, 1)));
    }

    // Per-operation commits: each operation in its own transaction, as a user clicking through
    // the program makes them. This is bound by the disk's fsync.
    if (opt.perOpSample > 0) {
        progress(u"[%1] per-operation commits (%2)"_s.arg(n).arg(opt.perOpSample));
        const int k = opt.perOpSample;
        QStringList ids;
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < k; ++i)
            ids.append(
                must(ledger.createDraft(makeDraft(fixture, rng, today)), u"createDraft"_s).id);
        const qint64 draftNs = t.nsecsElapsed();
        QList<IssuedRef> issued;
        t.restart();
        for (const QString &id : ids) {
            const Document d = must(ledger.issue(id), u"issue"_s);
            issued.append({d.id, d.issueDate, d.dueDate, d.totals.payable});
        }
        const qint64 issueNs = t.nsecsElapsed();
        t.restart();
        for (int i = 0; i < k; ++i)
            must(ledger.issueNew(makeDraft(fixture, rng, today)), u"issueNew"_s);
        const qint64 issueNewNs = t.nsecsElapsed();
        t.restart();
        for (int i = 0; i < k; ++i)
            must(ledger.recordPayment(
                     makePayment({issued.at(i).id, today, issued.at(i).total / 2}, i)),
                 u"recordPayment"_s);
        const qint64 paymentNs = t.nsecsElapsed();
        res.json.insert(u"per_operation_commit"_s,
                        QJsonObject {{u"sample"_s, k},
                                     {u"drafts_per_s"_s, perSecond(k, draftNs)},
                                     {u"draft_mean_ms"_s, round3(msOf(draftNs) / k)},
                                     {u"issues_per_s"_s, perSecond(k, issueNs)},
                                     {u"issue_mean_ms"_s, round3(msOf(issueNs) / k)},
                                     {u"issue_new_per_s"_s, perSecond(k, issueNewNs)},
                                     {u"issue_new_mean_ms"_s, round3(msOf(issueNewNs) / k)},
                                     {u"payments_per_s"_s, perSecond(k, paymentNs)},
                                     {u"payment_mean_ms"_s, round3(msOf(paymentNs) / k)},
                                     {u"note"_s,
                                      u"measured after the other figures, on the same ledger "
                                      "(it grows by the sample)"_s}});
    }

    res.json.insert(u"invoices"_s, n);
    res.json.insert(u"load_average_at_end"_s, loadAverage());
    res.json.insert(u"lines_per_invoice"_s, LinesPerInvoice);
    res.json.insert(u"build"_s, build);
    res.json.insert(u"counts"_s, counts);
    if (!verification.isEmpty())
        res.json.insert(u"verify"_s, verification);
    return res;
}

// --- machine and report -----------------------------------------------------------------------

QString firstProcLine(const QString &file, const QString &prefix)
{
    // /proc files report a size of 0, so they are read whole rather than line by line.
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n');
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.startsWith(prefix)) {
            const qsizetype colon = line.indexOf(u':');
            return colon < 0 ? QString() : line.mid(colon + 1).trimmed();
        }
    }
    return {};
}

QJsonObject machine(const QString &dir)
{
    QString sqliteVersion;
    {
        const QString probe = QDir(dir).filePath(u"probe.kontor"_s);
        auto store = must(Store::open(probe, Store::OpenMode::CreateNew), u"probe"_s);
        QSqlQuery *q = must(store->exec(u"SELECT sqlite_version()"_s), u"sqlite_version"_s);
        if (q->next())
            sqliteVersion = q->value(0).toString();
        q->finish();
    }
    QFile::remove(QDir(dir).filePath(u"probe.kontor"_s));
    const QString memKb = firstProcLine(u"/proc/meminfo"_s, u"MemTotal"_s).section(u' ', 0, 0);
    return {{u"nproc"_s, QThread::idealThreadCount()},
            {u"cpu"_s, firstProcLine(u"/proc/cpuinfo"_s, u"model name"_s)},
            {u"ram_bytes"_s, memKb.toLongLong() * 1024},
            {u"os"_s, QSysInfo::prettyProductName()},
            {u"kernel"_s, QSysInfo::kernelVersion()},
            {u"qt"_s, QString::fromLatin1(qVersion())},
            {u"sqlite"_s, sqliteVersion},
#ifdef NDEBUG
            {u"build"_s, u"release (NDEBUG)"_s},
#else
            {u"build"_s, u"debug (asserts on)"_s},
#endif
            {u"data_dir"_s, dir},
            {u"load_average_at_start"_s, loadAverage()}};
}

QJsonObject target(const QString &what, double limit, double measured, const QString &unit)
{
    return {{u"target"_s, what},
            {u"limit"_s, limit},
            {u"measured"_s, round3(measured)},
            {u"unit"_s, unit},
            {u"met"_s, measured < limit}};
}

int run(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"kontor-bench-ledger"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Builds ledgers of issued invoices and prints build, open, page, search and total "
        "figures as JSON."_s);
    parser.addHelpOption();
    const QCommandLineOption sizesOpt(
        u"sizes"_s, u"Comma-separated ledger sizes (default 1000,10000,100000)."_s, u"list"_s);
    const QCommandLineOption quickOpt(
        u"quick"_s, u"CI-sized run: 1000 invoices, 5 repeats, 50 per-operation commits."_s);
    const QCommandLineOption dirOpt(
        u"dir"_s, u"Directory for the ledger files (default: the system temp dir)."_s, u"path"_s);
    const QCommandLineOption repeatOpt(u"repeat"_s, u"Timed runs of each query (default 20)."_s,
                                       u"n"_s);
    const QCommandLineOption perOpOpt(
        u"per-op-sample"_s,
        u"Drafts, issues and payments each committed on its own (default 500; 0: skip)."_s, u"n"_s);
    const QCommandLineOption twoStepOpt(
        u"two-step-sample"_s,
        u"Drafts created then issued, batched, after the queries, for comparison with the "
        "one-step build (default 2000; 0: skip)."_s,
        u"n"_s);
    const QCommandLineOption noVerifyOpt(u"no-verify"_s,
                                         u"Skip verifying the audit chain of the ledger built."_s);
    const QCommandLineOption keepOpt(u"keep"_s, u"Keep the ledger files."_s);
    const QCommandLineOption seedOpt(u"seed"_s, u"Random seed of the content."_s, u"n"_s);
    parser.addOptions({sizesOpt, quickOpt, dirOpt, repeatOpt, perOpOpt, twoStepOpt, noVerifyOpt,
                       keepOpt, seedOpt});
    parser.process(app);

    Options opt;
    if (parser.isSet(quickOpt)) {
        opt.sizes = {1000};
        opt.repeat = 5;
        opt.perOpSample = 50;
        opt.twoStepSample = 200;
    }
    if (parser.isSet(sizesOpt)) {
        opt.sizes.clear();
        for (const QString &s : parser.value(sizesOpt).split(u',', Qt::SkipEmptyParts)) {
            bool ok = false;
            const int v = s.trimmed().toInt(&ok);
            if (!ok || v < 1 || v > 10'000'000)
                fail(u"--sizes: '%1' is not a size between 1 and 10000000"_s.arg(s));
            opt.sizes.append(v);
        }
    }
    auto intOption = [&](const QCommandLineOption &o, int *out, int min) {
        if (!parser.isSet(o))
            return;
        bool ok = false;
        const int v = parser.value(o).toInt(&ok);
        if (!ok || v < min)
            fail(u"--%1: '%2' must be a number of at least %3"_s
                     .arg(o.names().first(), parser.value(o))
                     .arg(min));
        *out = v;
    };
    intOption(repeatOpt, &opt.repeat, 1);
    intOption(perOpOpt, &opt.perOpSample, 0);
    intOption(twoStepOpt, &opt.twoStepSample, 0);
    opt.verify = !parser.isSet(noVerifyOpt);
    if (parser.isSet(seedOpt))
        opt.seed = parser.value(seedOpt).toUInt();
    opt.keep = parser.isSet(keepOpt);
    opt.dir = parser.isSet(dirOpt) ? parser.value(dirOpt) : QDir::tempPath();
    if (!QDir().mkpath(opt.dir))
        fail(u"cannot create '%1'"_s.arg(opt.dir));

    QTemporaryDir work(QDir(opt.dir).filePath(u"kontor-bench-XXXXXX"_s));
    if (!work.isValid())
        fail(u"cannot create a work directory in '%1': %2"_s.arg(opt.dir, work.errorString()));
    work.setAutoRemove(!opt.keep);
    if (!opt.keep)
        s_workDir = work.path();

    QJsonObject report {{u"benchmark"_s, u"ledger"_s},
                        {u"machine"_s, machine(work.path())},
                        {u"batch"_s, Batch},
                        {u"repeat"_s, opt.repeat},
                        {u"page_size"_s, DocumentQuery {}.limit},
                        {u"deep_page"_s, DeepPage},
                        {u"customers"_s, CustomerCount},
                        {u"lines_per_invoice"_s, LinesPerInvoice},
                        {u"date"_s, QDate::currentDate().toString(Qt::ISODate)}};

    QJsonArray results;
    QMap<int, QMap<QString, double>> keys;
    for (int n : opt.sizes) {
        SizeResult r = runSize(n, opt, work.path());
        results.append(r.json);
        keys.insert(n, r.key);
    }
    report.insert(u"results"_s, results);

    // Growth from 10k to 100k: ratios of medians (and of the file size).
    if (keys.contains(10000) && keys.contains(100000)) {
        QJsonObject growth;
        const auto &a = keys.value(10000);
        const auto &b = keys.value(100000);
        for (auto it = a.cbegin(); it != a.cend(); ++it) {
            if (it.key().endsWith(u".p95"_s) || !b.contains(it.key()) || it.value() <= 0)
                continue;
            growth.insert(it.key(), std::round(b.value(it.key()) / it.value() * 100.0) / 100.0);
        }
        report.insert(u"growth_10k_to_100k"_s, growth);
    }

    // Targets, judged on the largest size measured and on the p95 of the query times.
    if (!keys.isEmpty()) {
        const int largest = keys.lastKey();
        const auto &k = keys.value(largest);
        double worst = 0;
        QString worstName;
        for (auto it = k.cbegin(); it != k.cend(); ++it) {
            const bool listQuery = it.key().startsWith(u"page."_s)
                || it.key().startsWith(u"search."_s) || it.key().startsWith(u"overdue"_s);
            if (listQuery && it.key().endsWith(u".p95"_s) && it.value() > worst) {
                worst = it.value();
                worstName = it.key().chopped(4);
            }
        }
        QJsonObject build
            = target(u"%1 issued invoices created (issueMany, 1000 per batch; 10 s per 100000, pro "
                     "rata)"_s.arg(largest),
                     10.0 * largest / 100000.0, k.value(u"build.issued_s"_s), u"s"_s);
        QJsonObject pages = target(u"slowest list page or search, p95"_s, 20.0, worst, u"ms"_s);
        pages.insert(u"which"_s, worstName);
        const QJsonObject open = target(u"open to first page, p95"_s, 100.0,
                                        k.value(u"open_to_first_page.p95"_s), u"ms"_s);
        report.insert(u"targets"_s,
                      QJsonObject {{u"size"_s, largest},
                                   {u"build"_s, build},
                                   {u"list_and_search"_s, pages},
                                   {u"open_to_first_page"_s, open}});
    }

    std::fputs(QJsonDocument(report).toJson(QJsonDocument::Indented).constData(), stdout);
    if (opt.keep)
        progress(u"ledger files kept in %1"_s.arg(work.path()));
    return 0;
}

} // namespace
} // namespace Kontor

int main(int argc, char **argv)
{
    return Kontor::run(argc, argv);
}
