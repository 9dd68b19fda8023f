// Desktop benchmark: how long a person waits from starting Kontor to seeing the invoice list of a
// 100,000-invoice ledger, how much memory the program holds then, and how the list keeps up when
// scrolled to row 10,000. Prints one JSON object on stdout; the figures in docs/benchmarks.md come
// from this program, and nothing here asserts a time.
//
// The program builds the ledger (or reuses one given with --ledger), then starts itself again
// once per measured run with --measure, so every run is a fresh process: its clock starts at the
// top of main(), before QApplication exists, and stops when the table's viewport has finished
// its first paint with rows in it (an event filter on QEvent::Paint). Resident memory is VmRSS
// from /proc/self/status (Linux; elsewhere it is reported as null).
//
// Two windows are measured: the MainWindow switched to its Invoices page (what the program
// shows), and a DocumentListPage alone (the list's own share). After the first paint the run
// also waits for the page to complete (the invoice page sums what all invoices have outstanding
// after it has painted its rows) and reads the memory of the settled window. A third kind of run
// opens the MainWindow on its dashboard, as on a first start, and times until its figures are
// shown. A "cold" run first
// asks the kernel to drop the ledger file's pages from its cache (posix_fadvise DONTNEED, Linux),
// so the ledger is read from disk as after a reboot; the Qt libraries stay cached either way.

#include "dashboardpage.h"
#include "documentlistmodel.h"
#include "documentlistpage.h"
#include "ledger.h"
#include "listtableview.h"
#include "mainwindow.h"
#include "money.h"
#include "store.h"
#include "syncstatus.h"
#include "uicontext.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Kontor {
namespace {

constexpr int Batch = 1000;
constexpr int CustomerCount = 300;
constexpr int LinesPerInvoice = 5;
constexpr int SpanDays = 730;
constexpr double TargetFirstPaintMs = 1000.0;
constexpr double TargetRssMb = 150.0;

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "kontor-bench-ui: %s\n", qPrintable(message));
    std::exit(1);
}

template<typename T> T must(Result<T> r, const QString &what)
{
    if (!r)
        fail(what + u": "_s + r.error().toString());
    return std::move(r).value();
}

void check(const Status &s, const QString &what)
{
    if (!s)
        fail(what + u": "_s + s.error().toString());
}

void progress(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
    std::fflush(stderr);
}

double round1(double v)
{
    return std::round(v * 10.0) / 10.0;
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// Resident set size in MB, or a negative number where /proc is not there.
double rssMb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1.0;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:")) {
            const QByteArray kb = line.mid(6).trimmed().split(' ').value(0);
            return double(kb.toLongLong()) / 1024.0;
        }
    }
    return -1.0;
}

QJsonValue mbValue(double mb)
{
    return mb < 0 ? QJsonValue() : QJsonValue(round1(mb));
}

// --- building the ledger -------------------------------------------------------------------

struct ProductRef
{
    QString id;
    QString name;
    QString unit;
    qint64 unitPrice = 0;
    QString taxRateId;
};

QString rateId(const QList<TaxRate> &rates, int rateBp, TaxCategory category)
{
    for (const TaxRate &r : rates)
        if (r.rateBp == rateBp && r.category == category)
            return r.id;
    fail(u"the new ledger has no %1 bp rate"_s.arg(rateBp));
}

QJsonObject buildLedger(const QString &path, int invoices, quint32 seed)
{
    QElapsedTimer total;
    total.start();
    auto store = must(Store::open(path, Store::OpenMode::CreateNew), u"create ledger"_s);
    Ledger ledger(*store);
    QRandomGenerator rng(seed);
    const QDate today = QDate::currentDate();

    CompanyProfile company;
    company.name = u"Officina Benchmark S.r.l."_s;
    company.address = {u"Via Roma 1"_s, {}, u"20121"_s, u"Milano"_s, u"MI"_s, u"IT"_s};
    company.vatId = u"IT01234567890"_s;
    company.currency = u"EUR"_s;
    check(ledger.initialize(company, u"INV-"_s), u"initialize"_s);

    QStringList customers;
    QList<ProductRef> products;
    {
        WriteTransaction tx(*store);
        const char *const surnames[]
            = {"Rossi",    "Russo",   "Ferrari", "Esposito", "Bianchi",  "Romano",
               "Colombo",  "Ricci",   "Marino",  "Greco",    "Bruno",    "Gallo",
               "Conti",    "De Luca", "Mancini", "Costa",    "Giordano", "Rizzo",
               "Lombardi", "Moretti", "Fontana", "Santoro",  "Mariani",  "Rinaldi",
               "Caruso",   "Ferrara", "Galli",   "Martini",  "Leone",    "Longo"};
        const char *const trades[]
            = {"Costruzioni", "Trasporti",   "Consulting", "Impianti", "Alimentari",
               "Arredamenti", "Informatica", "Ottica",     "Tessile",  "Vini"};
        int i = 0;
        for (const char *surname : surnames) {
            for (const char *trade : trades) {
                Customer c;
                c.name
                    = u"%1 %2 S.r.l."_s.arg(QString::fromUtf8(surname), QString::fromUtf8(trade));
                c.email = u"amministrazione%1@example.it"_s.arg(i);
                c.billingAddress = {u"Via Garibaldi %1"_s.arg(i + 1),
                                    {},
                                    u"10100"_s,
                                    u"Torino"_s,
                                    u"TO"_s,
                                    u"IT"_s};
                const int terms[] = {-1, 14, 60};
                c.paymentTermsDays = terms[i % 3];
                customers << must(ledger.addCustomer(c), u"addCustomer"_s).id;
                ++i;
            }
        }
        Q_ASSERT(customers.size() == CustomerCount);
        const auto rates = must(ledger.taxRates(), u"taxRates"_s);
        struct Spec
        {
            const char *name;
            const char *unit;
            qint64 priceMinor;
            int rateBp;
        };
        const Spec specs[] = {{"Consulenza", "HUR", 8000, 2200},
                              {"Licenza software", "C62", 25000, 2200},
                              {"Formazione in aula", "DAY", 60000, 2200},
                              {"Hosting mensile", "MON", 2999, 2200},
                              {"Catering", "C62", 1890, 1000},
                              {"Manuale tecnico", "C62", 3550, 400}};
        for (const Spec &s : specs) {
            Product p;
            p.name = QString::fromUtf8(s.name);
            p.unit = QString::fromUtf8(s.unit);
            p.unitPrice = s.priceMinor * PriceExtraScale;
            p.taxRateId = rateId(rates, s.rateBp, TaxCategory::Standard);
            const Product added = must(ledger.addProduct(p), u"addProduct"_s);
            products.append({added.id, added.name, added.unit, added.unitPrice, added.taxRateId});
        }
        check(tx.commit(), u"commit setup"_s);
    }

    // Drafts and issues in batches of 1000 per transaction: one commit per invoice would measure
    // the disk's fsync, not the ledger.
    struct Issued
    {
        QString id;
        QDate issue;
        QDate due;
        qint64 total = 0;
    };
    QList<Issued> issued;
    issued.reserve(invoices);
    for (int start = 0; start < invoices; start += Batch) {
        WriteTransaction tx(*store);
        if (!tx.isOpen())
            fail(u"begin: "_s + tx.beginError().toString());
        for (int i = start; i < std::min(invoices, start + Batch); ++i) {
            Document d;
            d.customerId = customers.at(int(rng.bounded(quint32(customers.size()))));
            const QDate issue = today.addDays(-SpanDays + qint64(i) * SpanDays / invoices);
            d.issueDate = issue;
            for (int l = 0; l < LinesPerInvoice; ++l) {
                const ProductRef &p = products.at(int(rng.bounded(quint32(products.size()))));
                DocumentLine line;
                line.productId = p.id;
                line.description = p.name;
                line.unit = p.unit;
                line.unitPrice = p.unitPrice;
                line.quantity = qint64(2 + rng.bounded(40)) * QuantityScale / 2;
                line.taxRateId = p.taxRateId;
                d.lines.append(line);
            }
            const Document draft = must(ledger.createDraft(d), u"createDraft"_s);
            IssueOptions io;
            io.issueDate = issue;
            const Document doc = must(ledger.issue(draft.id, io), u"issue"_s);
            issued.append({doc.id, doc.issueDate, doc.dueDate, doc.totals.payable});
        }
        check(tx.commit(), u"commit invoices"_s);
        if ((start / Batch) % 10 == 9)
            progress(u"built %1 invoices"_s.arg(start + Batch));
    }

    // Old invoices mostly paid, some in part; recent ones mostly open: a list with every status.
    int payments = 0;
    for (qsizetype start = 0; start < issued.size(); start += Batch) {
        WriteTransaction tx(*store);
        for (qsizetype i = start; i < std::min<qsizetype>(issued.size(), start + Batch); ++i) {
            const Issued &inv = issued.at(i);
            const bool old = inv.due < today.addDays(-15);
            const int roll = int(rng.bounded(100));
            if (roll >= (old ? 92 : 40))
                continue;
            Payment p;
            p.target = PaymentTarget::Invoice;
            p.targetId = inv.id;
            p.date = std::min(today, inv.issue.addDays(5 + rng.bounded(45)));
            p.amountMinor = roll < (old ? 85 : 30) ? inv.total : inv.total / 2;
            p.method = u"bank transfer"_s;
            must(ledger.recordPayment(p), u"recordPayment"_s);
            ++payments;
        }
        check(tx.commit(), u"commit payments"_s);
    }
    return {{u"invoices"_s, invoices},
            {u"lines_per_invoice"_s, LinesPerInvoice},
            {u"customers"_s, CustomerCount},
            {u"payments"_s, payments},
            {u"batch"_s, Batch},
            {u"build_s"_s, round1(msSince(total) / 1000.0)}};
}

// Asks the kernel to forget the cached pages of the ledger files, so the next open reads them
// from disk. Returns false where that is not possible.
bool evictFromCache(const QString &path)
{
#ifdef Q_OS_LINUX
    bool ok = true;
    for (const QString &p : QStringList {path, path + u"-wal"_s, path + u"-shm"_s}) {
        if (!QFileInfo::exists(p))
            continue;
        const int fd = ::open(QFile::encodeName(p).constData(), O_RDONLY);
        if (fd < 0) {
            ok = false;
            continue;
        }
        ::fdatasync(fd);
        ok = ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) == 0 && ok;
        ::close(fd);
    }
    return ok;
#else
    Q_UNUSED(path);
    return false;
#endif
}

// --- one measured run (a fresh process) ------------------------------------------------------

// Notices when the table's viewport has finished its first paint with rows in it, and when the
// page's "outstanding" line is first painted with its text (the page is then complete). The
// paint event is dispatched from inside the filter, so the time taken is when painting ended,
// not when it was asked for.
class PaintProbe : public QObject
{
public:
    PaintProbe(QWidget *viewport, QLabel *outstanding, const QAbstractItemModel *model,
               const QElapsedTimer &clock, QEventLoop &loop)
        : m_viewport(viewport)
        , m_outstanding(outstanding)
        , m_model(model)
        , m_clock(clock)
        , m_loop(loop)
    {
        viewport->installEventFilter(this);
        if (outstanding)
            outstanding->installEventFilter(this);
    }
    double paintStartMs = -1.0;
    double paintedMs = -1.0;
    double completeMs = -1.0;
    int rows = 0;
    bool done() const { return paintedMs >= 0 && (!m_outstanding || completeMs >= 0); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || m_inside)
            return QObject::eventFilter(watched, event);
        if (watched == m_viewport && paintedMs < 0 && m_model->rowCount() > 0) {
            paintStartMs = msSince(m_clock);
            rows = m_model->rowCount();
            dispatch(watched, event);
            paintedMs = msSince(m_clock);
        } else if (watched == m_outstanding && completeMs < 0 && !m_outstanding->text().isEmpty()) {
            dispatch(watched, event);
            completeMs = msSince(m_clock);
        } else {
            return QObject::eventFilter(watched, event);
        }
        if (done())
            m_loop.quit();
        return true;
    }

private:
    void dispatch(QObject *watched, QEvent *event)
    {
        // Through sendEvent, so the other filters run too: the table paints its rows from the
        // scroll area's own filter on the viewport.
        m_inside = true;
        QCoreApplication::sendEvent(watched, event);
        m_inside = false;
    }

    QWidget *m_viewport;
    QLabel *m_outstanding;
    const QAbstractItemModel *m_model;
    const QElapsedTimer &m_clock;
    QEventLoop &m_loop;
    bool m_inside = false;
};

int measure(int argc, char **argv, const QElapsedTimer &clock)
{
    QApplication app(argc, argv);
    const double appMs = msSince(clock);
    QCoreApplication::setApplicationName(u"kontor-bench-ui"_s);
    QCommandLineParser parser;
    parser.addOption({u"measure"_s, u"Ledger to open."_s, u"path"_s});
    parser.addOption({u"window"_s, u"main or page."_s, u"kind"_s, u"main"_s});
    parser.addOption({u"scroll-rows"_s, u"Rows to scroll to."_s, u"n"_s, u"10000"_s});
    parser.addOption({u"settings"_s, u"Settings folder."_s, u"dir"_s});
    parser.process(app);
    const QString path = parser.value(u"measure"_s);
    const bool mainWindow = parser.value(u"window"_s) == u"main"_s;
    const int scrollRows = parser.value(u"scroll-rows"_s).toInt();
    // Window geometry and recent files go to a throwaway folder, not the user's settings.
    if (parser.isSet(u"settings"_s)) {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, parser.value(u"settings"_s));
    }

    auto store = must(Store::open(path, Store::OpenMode::OpenExisting), u"open"_s);
    Ledger ledger(*store);
    LedgerEvents events;
    SyncStatus sync;
    UiContext ctx {ledger, events, sync, nullptr};
    const double openMs = msSince(clock);

    if (parser.value(u"window"_s) == u"dashboard"_s) {
        // The main window as on a first start, on its dashboard: until its figures are shown.
        MainWindow w(ctx);
        auto *dashboard = qobject_cast<DashboardPage *>(w.page(Navigator::Page::Dashboard));
        if (!dashboard || w.currentPage() != Navigator::Page::Dashboard)
            fail(u"the main window did not open on the dashboard"_s);
        w.resize(1280, 800);
        double shownMs = -1.0;
        QEventLoop loop;
        QObject::connect(dashboard, &DashboardPage::refreshed, &loop, [&] {
            shownMs = msSince(clock);
            loop.quit();
        });
        w.show();
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        if (shownMs < 0)
            fail(u"the dashboard showed no figures within 30 s"_s);
        // The figures are set; let them paint, then read the memory.
        QEventLoop settle;
        QTimer::singleShot(250, &settle, &QEventLoop::quit);
        settle.exec();
        const QJsonObject out {{u"window"_s, u"dashboard"_s},
                               {u"platform"_s, QGuiApplication::platformName()},
                               {u"figures_shown_ms"_s, round1(shownMs)},
                               {u"outstanding_minor"_s, dashboard->outstandingMinor()},
                               {u"rss_mb_after_open"_s, mbValue(rssMb())}};
        std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout);
        return 0;
    }

    std::unique_ptr<QWidget> window;
    DocumentListPage *page = nullptr;
    if (mainWindow) {
        auto *w = new MainWindow(ctx);
        window.reset(w);
        ctx.navigator = w;
        w->showPage(Navigator::Page::Invoices);
        page = w->documentPage(DocumentKind::Invoice);
    } else {
        page = new DocumentListPage(ctx, DocumentKind::Invoice);
        window.reset(page);
    }
    window->resize(1280, 800);
    const double builtMs = msSince(clock);

    QEventLoop loop;
    PaintProbe probe(page->view()->viewport(), page->outstandingLabel(), page->model(), clock,
                     loop);
    window->show();
    const double shownMs = msSince(clock);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    if (!probe.done())
        loop.exec();
    if (probe.paintedMs < 0)
        fail(u"the invoice list was not painted within 30 s"_s);
    const double rssPainted = rssMb();

    // Whatever else was scheduled for after the first paint runs now; then the memory of the
    // settled window.
    const double completeMs = probe.completeMs;
    {
        QEventLoop settle;
        QTimer::singleShot(250, &settle, &QEventLoop::quit);
        settle.exec();
    }
    const double rssOpen = rssMb();

    // Scrolling as a person does: to the bottom, the view asks for the next page, paints, again.
    DocumentListModel *model = page->model();
    ListTableView *view = page->view();
    QElapsedTimer t;
    t.start();
    const int pagesBefore = model->pagesLoaded();
    int steps = 0;
    while (model->rowCount() < scrollRows && model->canFetchMore({}) && steps < 100000) {
        view->scrollToBottom();
        QCoreApplication::processEvents();
        ++steps;
    }
    const double viewScrollMs = msSince(t);
    const int viewPages = model->pagesLoaded() - pagesBefore;
    const int viewRows = model->rowCount();
    const double rssScrolled = rssMb();

    // The page loads alone: back to the first page, then fetchMore until row 10,000.
    model->restart();
    QCoreApplication::processEvents();
    QList<double> pageMs;
    t.restart();
    while (model->rowCount() < scrollRows && model->canFetchMore({})) {
        QElapsedTimer one;
        one.start();
        model->fetchMore({});
        pageMs.append(msSince(one));
    }
    const double fetchMs = msSince(t);
    std::sort(pageMs.begin(), pageMs.end());
    const double medianPage = pageMs.isEmpty() ? 0.0 : pageMs.at(pageMs.size() / 2);
    const double maxPage = pageMs.isEmpty() ? 0.0 : pageMs.last();

    const QJsonObject out {
        {u"window"_s, mainWindow ? u"main"_s : u"page"_s},
        {u"platform"_s, QGuiApplication::platformName()},
        {u"first_paint_ms"_s, round1(probe.paintedMs)},
        {u"paint_start_ms"_s, round1(probe.paintStartMs)},
        {u"phases_ms"_s,
         QJsonObject {{u"qapplication"_s, round1(appMs)},
                      {u"ledger_opened"_s, round1(openMs)},
                      {u"window_built"_s, round1(builtMs)},
                      {u"shown"_s, round1(shownMs)}}},
        {u"page_complete_ms"_s, round1(completeMs)},
        {u"rows_at_first_paint"_s, probe.rows},
        {u"rss_mb_at_first_paint"_s, mbValue(rssPainted)},
        {u"rss_mb_after_open"_s, mbValue(rssOpen)},
        {u"scroll_view"_s,
         QJsonObject {{u"rows"_s, viewRows},
                      {u"pages"_s, viewPages},
                      {u"ms"_s, round1(viewScrollMs)},
                      {u"rss_mb_after"_s, mbValue(rssScrolled)}}},
        {u"fetch_more"_s,
         QJsonObject {{u"rows"_s, model->rowCount()},
                      {u"pages"_s, int(pageMs.size())},
                      {u"page_size"_s, model->pageSize()},
                      {u"ms"_s, round1(fetchMs)},
                      {u"median_page_ms"_s, std::round(medianPage * 100.0) / 100.0},
                      {u"max_page_ms"_s, std::round(maxPage * 100.0) / 100.0}}},
    };
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    return 0;
}

// --- the driver --------------------------------------------------------------------------------

QJsonObject stats(QList<double> v)
{
    std::sort(v.begin(), v.end());
    if (v.isEmpty())
        return {};
    const qsizetype n = v.size();
    const double median = n % 2 ? v.at(n / 2) : (v.at(n / 2 - 1) + v.at(n / 2)) / 2.0;
    return {{u"median"_s, round1(median)},
            {u"min"_s, round1(v.first())},
            {u"max"_s, round1(v.last())},
            {u"runs"_s, int(n)}};
}

QJsonObject runChild(const QString &ledger, const QString &window, bool cold,
                     const QString &settings)
{
    if (cold && !evictFromCache(ledger))
        progress(u"note: could not drop the ledger from the page cache"_s);
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(u"QT_QPA_PLATFORM"_s) && !env.contains(u"DISPLAY"_s)
        && !env.contains(u"WAYLAND_DISPLAY"_s))
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    child.setProcessEnvironment(env);
    // Fresh settings for every run: the main window opens as on a first start (on the dashboard,
    // then switched to the invoices), not on whatever page the previous run left.
    QTemporaryDir runSettings(settings + u"/run-XXXXXX"_s);
    child.start(
        QCoreApplication::applicationFilePath(),
        {u"--measure"_s, ledger, u"--window"_s, window, u"--settings"_s, runSettings.path()});
    if (!child.waitForFinished(300000) || child.exitCode() != 0)
        fail(u"the measured run failed (%1)"_s.arg(window));
    const QByteArray line = child.readAllStandardOutput().trimmed().split('\n').last();
    const QJsonDocument doc = QJsonDocument::fromJson(line);
    if (!doc.isObject())
        fail(u"the measured run printed no JSON"_s);
    QJsonObject o = doc.object();
    o.insert(u"cold"_s, cold);
    return o;
}

int orchestrate(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"kontor-bench-ui"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Time to the first painted invoice list and memory on a large ledger."_s);
    parser.addHelpOption();
    parser.addOption({u"ledger"_s,
                      u"Ledger file to measure; built there with --invoices invoices if it does "
                      "not exist."_s,
                      u"path"_s});
    parser.addOption({u"invoices"_s, u"Invoices in a ledger built here (default 100000)."_s, u"n"_s,
                      u"100000"_s});
    parser.addOption({u"runs"_s, u"Warm runs per window (default 5)."_s, u"n"_s, u"5"_s});
    parser.addOption({u"keep"_s, u"Keep a ledger built in a temporary folder."_s});
    parser.process(app);

    QTemporaryDir temp;
    if (!temp.isValid())
        fail(u"no temporary folder"_s);
    temp.setAutoRemove(!parser.isSet(u"keep"_s));
    QString ledgerPath = parser.value(u"ledger"_s);
    if (ledgerPath.isEmpty())
        ledgerPath = temp.filePath(u"ui-bench.kontor"_s);
    QJsonObject build;
    if (!QFileInfo::exists(ledgerPath)) {
        const int n = parser.value(u"invoices"_s).toInt();
        progress(u"building %1 invoices in %2"_s.arg(n).arg(ledgerPath));
        build = buildLedger(ledgerPath, n, 20240601);
        progress(u"built in %1 s"_s.arg(build.value(u"build_s"_s).toDouble()));
    } else {
        progress(u"reusing %1"_s.arg(ledgerPath));
    }
    qint64 invoiceCount = 0;
    {
        auto store = must(Store::open(ledgerPath, Store::OpenMode::OpenExisting), u"open"_s);
        auto q = must(store->exec(u"SELECT count(*) FROM documents WHERE kind = 'invoice'"_s),
                      u"count"_s);
        if (q->next())
            invoiceCount = q->value(0).toLongLong();
        q->finish();
    }
    const QString settings = temp.filePath(u"settings"_s);
    QDir().mkpath(settings);

    const int runs = std::max(1, parser.value(u"runs"_s).toInt());
    QJsonObject windows;
    bool met = true;
    for (const QString &window : {u"main"_s, u"page"_s}) {
        QJsonArray all;
        QList<double> paint, complete, rss, rssScrolled, scrollMs, fetchMs, pageMs;
        // One throwaway run first: the first start after a build also pays for loading the Qt
        // libraries from disk, which is not what the ledger's size costs.
        runChild(ledgerPath, window, false, settings);
        for (int i = 0; i < runs; ++i) {
            const QJsonObject o = runChild(ledgerPath, window, false, settings);
            progress(u"%1 run %2: first paint %3 ms, %4 MB"_s.arg(window)
                         .arg(i + 1)
                         .arg(o.value(u"first_paint_ms"_s).toDouble())
                         .arg(o.value(u"rss_mb_after_open"_s).toDouble()));
            all.append(o);
            paint << o.value(u"first_paint_ms"_s).toDouble();
            complete << o.value(u"page_complete_ms"_s).toDouble();
            rss << o.value(u"rss_mb_after_open"_s).toDouble();
            const QJsonObject sv = o.value(u"scroll_view"_s).toObject();
            scrollMs << sv.value(u"ms"_s).toDouble();
            rssScrolled << sv.value(u"rss_mb_after"_s).toDouble();
            const QJsonObject fm = o.value(u"fetch_more"_s).toObject();
            fetchMs << fm.value(u"ms"_s).toDouble();
            pageMs << fm.value(u"median_page_ms"_s).toDouble();
        }
        const QJsonObject cold = runChild(ledgerPath, window, true, settings);
        progress(u"%1 cold: first paint %2 ms"_s.arg(window).arg(
            cold.value(u"first_paint_ms"_s).toDouble()));
        const QJsonObject paintStats = stats(paint);
        const QJsonObject rssStats = stats(rss);
        if (window == u"main"_s)
            met = paintStats.value(u"median"_s).toDouble() < TargetFirstPaintMs
                && cold.value(u"first_paint_ms"_s).toDouble() < TargetFirstPaintMs
                && rssStats.value(u"max"_s).toDouble() < TargetRssMb;
        windows.insert(window,
                       QJsonObject {{u"first_paint_ms"_s, paintStats},
                                    {u"first_paint_cold_ms"_s, cold.value(u"first_paint_ms"_s)},
                                    {u"page_complete_ms"_s, stats(complete)},
                                    {u"page_complete_cold_ms"_s, cold.value(u"page_complete_ms"_s)},
                                    {u"rss_mb_after_open"_s, rssStats},
                                    {u"scroll_to_10000_view_ms"_s, stats(scrollMs)},
                                    {u"rss_mb_at_10000_rows"_s, stats(rssScrolled)},
                                    {u"fetch_more_to_10000_ms"_s, stats(fetchMs)},
                                    {u"fetch_more_median_page_ms"_s, stats(pageMs)},
                                    {u"runs"_s, all},
                                    {u"cold_run"_s, cold}});
    }

    // The dashboard, for a person whose last page was the dashboard (or on a first start).
    {
        QList<double> shown, rss;
        runChild(ledgerPath, u"dashboard"_s, false, settings);
        for (int i = 0; i < runs; ++i) {
            const QJsonObject o = runChild(ledgerPath, u"dashboard"_s, false, settings);
            shown << o.value(u"figures_shown_ms"_s).toDouble();
            rss << o.value(u"rss_mb_after_open"_s).toDouble();
        }
        const QJsonObject cold = runChild(ledgerPath, u"dashboard"_s, true, settings);
        progress(u"dashboard: figures after %1 ms (cold %2 ms)"_s
                     .arg(stats(shown).value(u"median"_s).toDouble())
                     .arg(cold.value(u"figures_shown_ms"_s).toDouble()));
        windows.insert(u"dashboard"_s,
                       QJsonObject {{u"figures_shown_ms"_s, stats(shown)},
                                    {u"figures_shown_cold_ms"_s, cold.value(u"figures_shown_ms"_s)},
                                    {u"rss_mb_after_open"_s, stats(rss)}});
    }

    const QJsonObject out {
        {u"benchmark"_s, u"kontor-bench-ui"_s},
        {u"qt"_s, QString::fromLatin1(qVersion())},
        {u"os"_s, QSysInfo::prettyProductName()},
        {u"cpu"_s, QSysInfo::currentCpuArchitecture()},
        {u"ledger"_s,
         QJsonObject {{u"path"_s, ledgerPath},
                      {u"invoices"_s, invoiceCount},
                      {u"bytes"_s, QFileInfo(ledgerPath).size()},
                      {u"build"_s, build}}},
        {u"targets"_s,
         QJsonObject {{u"first_paint_ms"_s, TargetFirstPaintMs}, {u"rss_mb"_s, TargetRssMb}}},
        {u"windows"_s, windows},
        {u"targets_met"_s, met},
    };
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
}

} // namespace
} // namespace Kontor

int main(int argc, char **argv)
{
    // The clock of a measured run starts here, before anything of Qt exists.
    QElapsedTimer sinceStart;
    sinceStart.start();
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--measure") == 0)
            return Kontor::measure(argc, argv, sinceStart);
    }
    return Kontor::orchestrate(argc, argv);
}
