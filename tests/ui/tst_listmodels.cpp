// The list models over a real ledger of 500 invoices: keyset paging through fetchMore, sorting
// by every column (and leaving the order alone for columns the ledger cannot sort by), every
// filter, totals of the loaded rows, roles, reloads on LedgerEvents::changed that keep sort and
// filters, and errors from the ledger shown without losing the rows. QAbstractItemModelTester
// watches every model throughout.

#include "customerlistmodel.h"
#include "documentlistmodel.h"
#include "expenselistmodel.h"
#include "listtestledger.h"
#include "moneyformat.h"
#include "paymentlistmodel.h"
#include "productlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {

const QDate kToday(2026, 6, 15);
const QDate kFirstIssue(2025, 6, 16);
constexpr int InvoiceCount = 500;
constexpr int DraftCount = 5;
constexpr int ExpenseCount = 250;
constexpr int ExpensePayments = 20;
constexpr int ProductCount = 60;
constexpr int ExtraCustomers = 110;

const char *const kNames[] = {"Alpha Srl", "Beta GmbH", "Gamma Ltd", "Delta SA", "Epsilon Oy",
                              "Zeta AB",   "Eta BV",    "Theta AS",  "Iota Kft", "Kappa sro"};

struct Seeded
{
    QString id;
    QString number;
    QString customerId;
    QString customerName;
    QDate issue;
    QDate due;
    qint64 net = 0;
    qint64 vat = 0;
    qint64 total = 0;
    qint64 paid = 0;
    qint64 balance() const { return total - paid; }
    bool overdueOn(const QDate &today) const { return balance() > 0 && due < today; }
};

QStringList idsOf(const PagedListModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(PagedListModel::IdRole).toString();
    return ids;
}

int fetchAll(PagedListModel &model)
{
    int guard = 0;
    while (model.canFetchMore({}) && guard++ < 1000)
        model.fetchMore({});
    return model.rowCount();
}

// -1, 0, 1 for two raw (EditRole) values of a document column.
int compareRaw(int column, const QVariant &a, const QVariant &b)
{
    switch (column) {
    case DocumentListModel::NumberColumn:
        return a.toString().compare(b.toString());
    case DocumentListModel::CustomerColumn:
        return a.toString().toCaseFolded().compare(b.toString().toCaseFolded());
    case DocumentListModel::IssueDateColumn:
    case DocumentListModel::DueDateColumn: {
        const QDate x = a.toDate();
        const QDate y = b.toDate();
        return x < y ? -1 : (y < x ? 1 : 0);
    }
    default: {
        const qint64 x = a.toLongLong();
        const qint64 y = b.toLongLong();
        return x < y ? -1 : (y < x ? 1 : 0);
    }
    }
}

} // namespace

class TestListModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void documentsPageThroughKeysetPages();
    void documentRoles();
    void documentSort_data();
    void documentSort();
    void sortRestartsFromFirstPage();
    void filterStatus_data();
    void filterStatus();
    void filterOverdueFollowsTheClock();
    void filterCustomer();
    void filterDateRange();
    void filterSearch_data();
    void filterSearch();
    void loadedTotals();

    void customers();
    void products();
    void expenses();
    void payments();

    void reloadOnChangeKeepsSortAndFilters();
    void ledgerErrorKeepsRows();

private:
    template<typename M> void watch(M *model)
    {
        auto *tester = new QAbstractItemModelTester(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
        // The tests drive fetchMore themselves, page by page. Qt 6.4's tester would also call it
        // from its checks on modelReset, before it records the reset as finished, and then
        // reports the rows that page inserts as "inserted during a reset".
        tester->setUseFetchMore(false);
        // Its first checks, in its constructor, already fetched pages: start from the first.
        model->restart();
    }
    QList<Seeded> expected(const std::function<bool(const Seeded &)> &match) const
    {
        QList<Seeded> out;
        for (const Seeded &s : m_invoices)
            if (match(s))
                out << s;
        return out;
    }

    Test::ListLedger m_db;
    QList<Seeded> m_invoices;
    QStringList m_customerIds;
};

void TestListModels::initTestCase()
{
    QVERIFY(m_db.open(kToday));
    Ledger &ledger = *m_db.ledger;
    WriteTransaction tx(*m_db.store);
    QVERIFY(tx.isOpen());
    for (const char *name : kNames)
        m_customerIds << m_db.addCustomer(QString::fromLatin1(name));
    for (int i = 1; i <= ExtraCustomers; ++i)
        QVERIFY(!m_db.addCustomer(u"Omega %1"_s.arg(i, 3, 10, QChar(u'0'))).isEmpty());
    QVERIFY(!m_db.addCustomer(u"Archived One"_s, -1, true).isEmpty());
    QVERIFY(!m_db.addCustomer(u"Archived Two"_s, -1, true).isEmpty());

    for (int i = 0; i < InvoiceCount; ++i) {
        const int c = i % 10;
        const QDate issue = kFirstIssue.addDays((i * 7) % 365);
        const qint64 net = 1000 + ((i * 37) % 200) * 100;
        auto inv = m_db.invoice(m_customerIds.at(c), net, issue, issue.addDays(30));
        QVERIFY2(inv, qPrintable(inv ? QString() : inv.error().toString()));
        Seeded s {inv->id,
                  inv->number,
                  inv->customerId,
                  inv->customerName,
                  inv->issueDate,
                  inv->dueDate,
                  inv->totals.lineNetSum,
                  inv->totals.vatTotal,
                  inv->totals.payable};
        QCOMPARE(s.net, net);
        const QDate paidOn = std::min(kToday, issue.addDays(10));
        if (i % 5 == 0)
            s.paid = s.total;
        else if (i % 5 == 1)
            s.paid = s.total / 2;
        if (s.paid > 0)
            QVERIFY(m_db.pay(s.id, s.paid, paidOn));
        m_invoices << s;
    }
    for (int i = 0; i < DraftCount; ++i)
        QVERIFY(m_db.draft(m_customerIds.first(), 500));

    for (int i = 1; i <= ProductCount; ++i) {
        Product p;
        p.name = u"Product %1"_s.arg(i, 2, 10, QChar(u'0'));
        p.unitPrice = qint64(i) * 100 * PriceExtraScale;
        p.taxRateId = m_db.rate22;
        QVERIFY(ledger.addProduct(p));
    }
    for (int i = 0; i < ExpenseCount; ++i) {
        auto e = m_db.expense(u"Supplier %1"_s.arg(i % 7), 2000 + i, kFirstIssue.addDays(i),
                              i % 2 ? u"Office"_s : u"Travel"_s);
        QVERIFY(e);
        if (i < ExpensePayments) {
            Payment p;
            p.target = PaymentTarget::Expense;
            p.targetId = e->id;
            p.date = e->date;
            p.amountMinor = e->totalMinor;
            QVERIFY(ledger.recordPayment(p));
        }
    }
    QVERIFY(tx.commit());
}

void TestListModels::documentsPageThroughKeysetPages()
{
    DocumentListModel model(*m_db.ctx, DocumentKind::Invoice);
    watch(&model);
    QCOMPARE(model.rowCount(), PagedListModel::DefaultPageSize);
    QCOMPARE(model.columnCount(), int(DocumentListModel::ColumnCount));
    QVERIFY(model.canFetchMore({}));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    int pages = 1;
    while (model.canFetchMore({})) {
        const int before = model.rowCount();
        model.fetchMore({});
        QVERIFY(model.rowCount() > before);
        ++pages;
    }
    QCOMPARE(model.rowCount(), InvoiceCount + DraftCount);
    QCOMPARE(pages, 6);
    QCOMPARE(model.pagesLoaded(), 6);
    QCOMPARE(inserted.count(), 5);
    QVERIFY(!model.hasMore());
    const QStringList ids = idsOf(model);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
    // Children of rows do not exist and fetch nothing.
    QVERIFY(!model.canFetchMore(model.index(0, 0)));
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);

    // A page size of 200 reads the same rows in fewer pages.
    DocumentListModel big(*m_db.ctx, DocumentKind::Invoice);
    big.setPageSize(200);
    big.restart();
    QCOMPARE(big.rowCount(), 200);
    QCOMPARE(fetchAll(big), InvoiceCount + DraftCount);
    QCOMPARE(big.pagesLoaded(), 3);
    QCOMPARE(idsOf(big), ids);

    // fetchUntil stops at the first page that reaches the row asked for.
    DocumentListModel some(*m_db.ctx, DocumentKind::Invoice);
    QCOMPARE(some.fetchUntil(250), 250);
    QVERIFY(some.hasMore());
}

void TestListModels::documentRoles()
{
    DocumentListModel model(*m_db.ctx, DocumentKind::Invoice);
    watch(&model);
    model.setSearchText(m_invoices.at(2).number);
    QCOMPARE(model.rowCount(), 1);
    const Seeded &s = m_invoices.at(2); // i % 5 == 2: unpaid
    auto cell
        = [&](int column, int role = Qt::DisplayRole) { return model.index(0, column).data(role); };
    QCOMPARE(cell(0, PagedListModel::IdRole).toString(), s.id);
    QCOMPARE(cell(DocumentListModel::NumberColumn).toString(), s.number);
    QCOMPARE(cell(DocumentListModel::CustomerColumn).toString(), s.customerName);
    QCOMPARE(cell(DocumentListModel::IssueDateColumn).toString(), Ui::formatDate(s.issue));
    QCOMPARE(cell(DocumentListModel::IssueDateColumn, Qt::EditRole).toDate(), s.issue);
    QCOMPARE(cell(DocumentListModel::NetColumn).toString(), Ui::formatMoney(s.net, u"EUR"_s));
    QCOMPARE(cell(DocumentListModel::NetColumn, Qt::EditRole).toLongLong(), s.net);
    QCOMPARE(cell(DocumentListModel::VatColumn, Qt::EditRole).toLongLong(), s.vat);
    QCOMPARE(cell(DocumentListModel::TotalColumn).toString(), Ui::formatMoney(s.total, u"EUR"_s));
    QCOMPARE(cell(DocumentListModel::BalanceColumn, Qt::EditRole).toLongLong(), s.balance());
    QCOMPARE(cell(DocumentListModel::TotalColumn, Qt::TextAlignmentRole).toInt(),
             int(Qt::AlignRight | Qt::AlignVCenter));
    QVERIFY(!cell(DocumentListModel::CustomerColumn, Qt::TextAlignmentRole).isValid());
    QVERIFY(s.overdueOn(kToday));
    QCOMPARE(cell(DocumentListModel::StatusColumn).toString(), u"Overdue"_s);
    QCOMPARE(cell(DocumentListModel::StatusColumn, Qt::EditRole).toInt(),
             int(DocumentStatus::Issued));
    QVERIFY(cell(DocumentListModel::StatusColumn, Qt::ForegroundRole).canConvert<QBrush>());
    QVERIFY(cell(DocumentListModel::BalanceColumn, Qt::ForegroundRole).canConvert<QBrush>());
    QVERIFY(!cell(DocumentListModel::CustomerColumn, Qt::ForegroundRole).isValid());
    QVERIFY(!cell(DocumentListModel::StatusColumn, Qt::ToolTipRole).toString().isEmpty());

    // A paid invoice: its status in words, no colour.
    model.setSearchText(m_invoices.at(0).number);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(DocumentListModel::StatusColumn).toString(), u"Paid"_s);
    QVERIFY(!cell(DocumentListModel::StatusColumn, Qt::ForegroundRole).isValid());
    QCOMPARE(cell(DocumentListModel::BalanceColumn, Qt::EditRole).toLongLong(), 0);

    // Drafts have no number yet.
    model.setSearchText({});
    model.setStatusFilter(DocumentStatus::Draft);
    QCOMPARE(model.rowCount(), DraftCount);
    QCOMPARE(cell(DocumentListModel::NumberColumn).toString(), u"(draft)"_s);
    QCOMPARE(cell(DocumentListModel::NumberColumn, Qt::EditRole).toString(), QString());
    QCOMPARE(cell(DocumentListModel::StatusColumn).toString(), u"Draft"_s);

    QCOMPARE(model.headerData(DocumentListModel::TotalColumn, Qt::Horizontal).toString(),
             u"Total"_s);
    QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
}

void TestListModels::documentSort_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    for (int c = 0; c < DocumentListModel::ColumnCount; ++c) {
        const QString name = DocumentListModel(*m_db.ctx, DocumentKind::Invoice)
                                 .headerData(c, Qt::Horizontal)
                                 .toString();
        QTest::addRow("%s ascending", qPrintable(name)) << c << Qt::AscendingOrder;
        QTest::addRow("%s descending", qPrintable(name)) << c << Qt::DescendingOrder;
    }
}

void TestListModels::documentSort()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    DocumentListModel model(*m_db.ctx, DocumentKind::Invoice);
    watch(&model);
    // Start from a known order that no row of the data set uses: customer descending.
    model.sort(DocumentListModel::CustomerColumn, Qt::DescendingOrder);
    fetchAll(model);
    const QStringList before = idsOf(model);

    model.sort(column, order);
    QCOMPARE(fetchAll(model), InvoiceCount + DraftCount);
    if (!DocumentListModel::isSortable(column)) {
        QCOMPARE(model.sortColumn(), int(DocumentListModel::CustomerColumn));
        QCOMPARE(model.sortOrder(), Qt::DescendingOrder);
        QCOMPARE(idsOf(model), before);
        return;
    }
    QCOMPARE(model.sortColumn(), column);
    QCOMPARE(model.sortOrder(), order);
    const int direction = order == Qt::AscendingOrder ? 1 : -1;
    for (int row = 0; row + 1 < model.rowCount(); ++row) {
        const QModelIndex a = model.index(row, column);
        const QModelIndex b = model.index(row + 1, column);
        const int c = compareRaw(column, a.data(Qt::EditRole), b.data(Qt::EditRole)) * direction;
        QVERIFY2(c <= 0,
                 qPrintable(u"row %1: %2 before %3"_s.arg(row).arg(a.data().toString(),
                                                                   b.data().toString())));
        if (c == 0) {
            // Ties are ordered by id in the same direction: the keyset cursor relies on it.
            const int ids = a.data(PagedListModel::IdRole)
                                .toString()
                                .compare(b.data(PagedListModel::IdRole).toString())
                * direction;
            QVERIFY(ids < 0);
        }
    }
    const QStringList ids = idsOf(model);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
}

void TestListModels::sortRestartsFromFirstPage()
{
    DocumentListModel model(*m_db.ctx, DocumentKind::Invoice);
    watch(&model);
    fetchAll(model);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.sort(DocumentListModel::TotalColumn, Qt::AscendingOrder);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), PagedListModel::DefaultPageSize);
    QVERIFY(model.canFetchMore({}));
    // The same order again does not query again.
    model.sort(DocumentListModel::TotalColumn, Qt::AscendingOrder);
    QCOMPARE(reset.count(), 1);
    // Nor does a column without ledger order.
    model.sort(DocumentListModel::VatColumn, Qt::AscendingOrder);
    QCOMPARE(reset.count(), 1);
}

void TestListModels::filterStatus_data()
{
    QTest::addColumn<int>("status"); // -1: open only
    QTest::addColumn<int>("count");
    QTest::newRow("paid") << int(DocumentStatus::Paid) << InvoiceCount / 5;
    QTest::newRow("partially paid") << int(DocumentStatus::PartiallyPaid) << InvoiceCount / 5;
    QTest::newRow("unpaid") << int(DocumentStatus::Issued) << InvoiceCount * 3 / 5;
    QTest::newRow("draft") << int(DocumentStatus::Draft) << DraftCount;
    QTest::newRow("credited") << int(DocumentStatus::Credited) << 0;
    QTest::newRow("open") << -1 << InvoiceCount * 4 / 5;
}

void TestListModels::filterStatus()
{
    QFETCH(int, status);
    QFETCH(int, count);
    DocumentListModel model(*m_db.ctx, DocumentKind::Invoice);
    watch(&model);
    if (status < 0)
        model.setOpenOnly(true);
    else
        model.setStatusFilter(DocumentStatus(status));
    QCOMPARE(fetchAll(model), count);
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto s = DocumentStatus(
            model.index(row, DocumentListModel::StatusColumn).data(Qt::EditRole).toInt());
        if (status >= 0)
            QCOMPARE(s, DocumentStatus(status));
        else
            QVERIFY(s == DocumentStatus::Issued || s == DocumentStatus::PartiallyPaid);
    }
    // Back to all.
    model.setOpenOnly(false);
    model.setStatusFilter(std::nullopt);
    QCOMPARE(fetchAll(model), InvoiceCount + DraftCount);
}

void TestListModels::filterOverdueFollowsTheClock()
{
    DocumentListModel model(*m_db.ctx, DocumentKind::Invoice);
    watch(&model);
    model.setOverdueOnly(true);
    const auto overdueNow = expected([](const Seeded &s) { return s.overdueOn(kToday); });
    QVERIFY(overdueNow.size() > 0);
    QCOMPARE(fetchAll(model), overdueNow.size());
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row, DocumentListModel::StatusColumn).data().toString(), u"Overdue"_s);
        QVERIFY(
            model.index(row, DocumentListModel::StatusColumn).data(Qt::ForegroundRole).isValid());
    }

    // Two months later more invoices are past due; the list follows the store's clock.
    const QDate later = kToday.addDays(60);
    m_db.setToday(later);
    model.reload();
    const auto overdueLater = expected([&](const Seeded &s) { return s.overdueOn(later); });
    QVERIFY(overdueLater.size() > overdueNow.size());
    QCOMPARE(fetchAll(model), overdueLater.size());
    m_db.setToday(kToday);
    model.reload();
    QCOMPARE(fetchAll(model), overdueNow.size());

    // A year before, nothing was overdue yet.
    m_db.setToday(kFirstIssue);
    model.reload();
    QCOMPARE(model.rowCount(), 0);
    m_db.setToday(kToday);
}

void TestListModels::filterCustomer()
{
    DocumentListModel model(*m_db.ctx, DocumentKind::Invoice);
    watch(&model);
    model.setCustomerFilter(m_customerIds.at(2));
    QCOMPARE(fetchAll(model), InvoiceCount / 10);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.index(row, DocumentListModel::CustomerColumn).data().toString(),
                 u"Gamma Ltd"_s);
    // Customer and status together.
    model.setStatusFilter(DocumentStatus::Paid);
    const auto both = expected(
        [&](const Seeded &s) { return s.customerId == m_customerIds.at(2) && s.paid == s.total; });
    QCOMPARE(fetchAll(model), both.size());
}

void TestListModels::filterDateRange()
{
    DocumentListModel model(*m_db.ctx, DocumentKind::Invoice);
    watch(&model);
    const QDate from(2025, 9, 1);
    const QDate to(2025, 11, 30);
    model.setDateRange(from, to);
    const auto inRange
        = expected([&](const Seeded &s) { return s.issue >= from && s.issue <= to; });
    QVERIFY(inRange.size() > 50);
    QCOMPARE(fetchAll(model), inRange.size());
    for (int row = 0; row < model.rowCount(); ++row) {
        const QDate d
            = model.index(row, DocumentListModel::IssueDateColumn).data(Qt::EditRole).toDate();
        QVERIFY(d >= from && d <= to);
    }
    // Open-ended ranges. Drafts carry today's date until they are issued.
    model.setDateRange(from, {});
    QCOMPARE(fetchAll(model),
             expected([&](const Seeded &s) { return s.issue >= from; }).size() + DraftCount);
    model.setDateRange({}, to);
    QCOMPARE(fetchAll(model), expected([&](const Seeded &s) { return s.issue <= to; }).size());
}

void TestListModels::filterSearch_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("count");
    QTest::newRow("number prefix") << u"2026-L-001"_s << 10; // 0010 to 0019
    QTest::newRow("number prefix, lower case") << u"2026-l-002"_s << 10;
    QTest::newRow("whole number") << u"2026-L-0123"_s << 1;
    QTest::newRow("customer prefix") << u"Gam"_s << InvoiceCount / 10;
    QTest::newRow("customer prefix, lower case") << u"epsilon"_s << InvoiceCount / 10;
    QTest::newRow("surrounding spaces") << u"  Beta  "_s << InvoiceCount / 10;
    QTest::newRow("nothing") << u"Nobody"_s << 0;
}

void TestListModels::filterSearch()
{
    QFETCH(QString, text);
    QFETCH(int, count);
    DocumentListModel model(*m_db.ctx, DocumentKind::Invoice);
    watch(&model);
    model.setSearchText(text);
    QCOMPARE(fetchAll(model), count);
}

void TestListModels::loadedTotals()
{
    DocumentListModel model(*m_db.ctx, DocumentKind::Invoice);
    watch(&model);
    model.setCustomerFilter(m_customerIds.at(3));
    QVERIFY(model.hasMore() || model.rowCount() == InvoiceCount / 10);
    fetchAll(model);
    const auto rows
        = expected([&](const Seeded &s) { return s.customerId == m_customerIds.at(3); });
    DocumentListModel::Totals want;
    for (const Seeded &s : rows) {
        ++want.rows;
        want.netMinor += s.net;
        want.vatMinor += s.vat;
        want.totalMinor += s.total;
        want.balanceMinor += s.balance();
    }
    const auto totals = model.loadedTotals();
    QCOMPARE(totals.size(), 1);
    const DocumentListModel::Totals got = totals.value(u"EUR"_s);
    QCOMPARE(got.rows, want.rows);
    QCOMPARE(got.netMinor, want.netMinor);
    QCOMPARE(got.vatMinor, want.vatMinor);
    QCOMPARE(got.totalMinor, want.totalMinor);
    QCOMPARE(got.balanceMinor, want.balanceMinor);

    // While pages are missing the totals cover the loaded rows only.
    DocumentListModel all(*m_db.ctx, DocumentKind::Invoice);
    QCOMPARE(all.loadedTotals().value(u"EUR"_s).rows, PagedListModel::DefaultPageSize);
    all.fetchMore({});
    QCOMPARE(all.loadedTotals().value(u"EUR"_s).rows, 2 * PagedListModel::DefaultPageSize);
}

void TestListModels::customers()
{
    CustomerListModel model(*m_db.ctx);
    watch(&model);
    model.setPageSize(50);
    model.restart();
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(fetchAll(model), 10 + ExtraCustomers);
    QCOMPARE(model.pagesLoaded(), 3);
    for (int row = 0; row + 1 < model.rowCount(); ++row)
        QVERIFY(model.index(row, 0).data().toString().toCaseFolded()
                <= model.index(row + 1, 0).data().toString().toCaseFolded());
    model.setIncludeArchived(true);
    QCOMPARE(fetchAll(model), 10 + ExtraCustomers + 2);
    QCOMPARE(model.index(0, CustomerListModel::NameColumn).data().toString(), u"Alpha Srl"_s);
    QCOMPARE(model.index(1, CustomerListModel::NameColumn).data().toString(),
             u"Archived One (archived)"_s);
    QCOMPARE(model.index(1, CustomerListModel::NameColumn).data(Qt::EditRole).toString(),
             u"Archived One"_s);
    QVERIFY(model.index(1, 0).data(Qt::ForegroundRole).isValid());
    model.setSearchText(u"omega 01"_s);
    QCOMPARE(fetchAll(model), 10);
    model.setSearchText(u"GAMMA"_s);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(PagedListModel::IdRole).toString(), m_customerIds.at(2));
    QCOMPARE(model.index(0, CustomerListModel::CityColumn).data().toString(), u"Berlin"_s);
    QCOMPARE(model.rowOfId(m_customerIds.at(2)), 0);
    QCOMPARE(model.idAt(0), m_customerIds.at(2));
    QCOMPARE(model.idAt(5), QString());
}

void TestListModels::products()
{
    ProductListModel model(*m_db.ctx);
    watch(&model);
    model.setPageSize(25);
    model.restart();
    QCOMPARE(model.rowCount(), 25);
    QCOMPARE(fetchAll(model), ProductCount);
    QCOMPARE(model.index(0, ProductListModel::NameColumn).data().toString(), u"Product 01"_s);
    QCOMPARE(model.index(0, ProductListModel::PriceColumn).data(Qt::EditRole).toLongLong(),
             100 * PriceExtraScale);
    QVERIFY(model.index(0, ProductListModel::PriceColumn).data().toString().contains(u"EUR"_s));
    QVERIFY(model.index(0, ProductListModel::TaxColumn).data().toString().contains(u"22"_s));
    QCOMPARE(model.index(0, ProductListModel::PriceColumn).data(Qt::TextAlignmentRole).toInt(),
             int(Qt::AlignRight | Qt::AlignVCenter));
    model.setSearchText(u"duct 1"_s);
    QCOMPARE(fetchAll(model), 10);
}

void TestListModels::expenses()
{
    ExpenseListModel model(*m_db.ctx);
    watch(&model);
    QCOMPARE(model.rowCount(), PagedListModel::DefaultPageSize);
    QCOMPARE(fetchAll(model), ExpenseCount);
    // Newest first.
    for (int row = 0; row + 1 < model.rowCount(); ++row)
        QVERIFY(model.index(row, 0).data(Qt::EditRole).toDate()
                >= model.index(row + 1, 0).data(Qt::EditRole).toDate());
    const QDate from = kFirstIssue.addDays(10);
    const QDate to = kFirstIssue.addDays(19);
    model.setDateRange(from, to);
    QCOMPARE(fetchAll(model), 10);
    model.setCategory(u"Office"_s);
    QCOMPARE(fetchAll(model), 5);
    model.setDateRange({}, {});
    QCOMPARE(fetchAll(model), ExpenseCount / 2);
    const auto totals = model.loadedTotals().value(u"EUR"_s);
    QCOMPARE(totals.rows, ExpenseCount / 2);
    qint64 net = 0;
    for (int i = 1; i < ExpenseCount; i += 2)
        net += 2000 + i;
    QCOMPARE(totals.netMinor, net);
    // The first 20 expenses were paid; among the office ones that is 10.
    QCOMPARE(
        totals.unpaidMinor, totals.totalMinor - [this] {
            qint64 paid = 0;
            for (int i = 1; i < ExpensePayments; i += 2)
                paid += (2000 + i) + (2000 + i) * 22 / 100;
            return paid;
        }());
}

void TestListModels::payments()
{
    PaymentListModel model(*m_db.ctx);
    watch(&model);
    const int invoicePayments = InvoiceCount * 2 / 5;
    QCOMPARE(fetchAll(model), invoicePayments + ExpensePayments);
    for (int row = 0; row + 1 < model.rowCount(); ++row)
        QVERIFY(model.index(row, 0).data(Qt::EditRole).toDate()
                >= model.index(row + 1, 0).data(Qt::EditRole).toDate());
    model.setTargetFilter(PaymentTarget::Invoice);
    QCOMPARE(fetchAll(model), invoicePayments);
    // Each payment points at its invoice and shows its number and customer.
    const QString target = model.index(0, 0).data(PagedListModel::TargetIdRole).toString();
    const auto it = std::find_if(m_invoices.cbegin(), m_invoices.cend(),
                                 [&](const Seeded &s) { return s.id == target; });
    QVERIFY(it != m_invoices.cend());
    QCOMPARE(model.index(0, PaymentListModel::DocumentColumn).data(Qt::EditRole).toString(),
             it->number);
    QCOMPARE(model.index(0, PaymentListModel::PartyColumn).data().toString(), it->customerName);
    QCOMPARE(model.index(0, PaymentListModel::AmountColumn).data(Qt::EditRole).toLongLong(),
             it->paid);
    model.setTargetFilter(PaymentTarget::Expense);
    QCOMPARE(fetchAll(model), ExpensePayments);
    QCOMPARE(model.loadedTotals().value(u"EUR"_s).receivedMinor, 0);
    QVERIFY(model.loadedTotals().value(u"EUR"_s).paidOutMinor > 0);
    model.setTargetFilter(std::nullopt);
    model.setDateRange(kFirstIssue, kFirstIssue.addDays(9));
    // Expense payments on their dates (one a day) plus invoice payments ten days after issue.
    int want = 10;
    for (const Seeded &s : m_invoices) {
        const QDate paidOn = std::min(kToday, s.issue.addDays(10));
        if (s.paid > 0 && paidOn <= kFirstIssue.addDays(9))
            ++want;
    }
    QCOMPARE(fetchAll(model), want);
}

void TestListModels::reloadOnChangeKeepsSortAndFilters()
{
    Test::ListLedger db;
    QVERIFY(db.open(kToday));
    const QString alpha = db.addCustomer(u"Alpha"_s);
    const QString beta = db.addCustomer(u"Beta"_s);
    QStringList alphaInvoices;
    for (int i = 0; i < 30; ++i) {
        auto inv = db.invoice(i % 3 ? alpha : beta, 1000 + i * 10, kToday.addDays(-i));
        QVERIFY(inv);
        if (i % 3)
            alphaInvoices << inv->id;
    }
    DocumentListModel model(*db.ctx, DocumentKind::Invoice);
    watch(&model);
    model.setPageSize(10);
    model.sort(DocumentListModel::TotalColumn, Qt::AscendingOrder);
    model.setCustomerFilter(alpha);
    QCOMPARE(model.rowCount(), 10);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 20);
    QVERIFY(!model.canFetchMore({}));
    const QStringList before = idsOf(model);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    // A change the list does not show: no reload.
    Q_EMIT db.events.changed(u"product"_s, u"x"_s);
    QCoreApplication::processEvents();
    QCOMPARE(reset.count(), 0);

    // A payment changes one row's status; a burst of events reloads once.
    const QString paid = before.at(5);
    const qint64 total
        = model.index(5, DocumentListModel::TotalColumn).data(Qt::EditRole).toLongLong();
    QVERIFY(db.pay(paid, total, kToday));
    Q_EMIT db.events.changed(u"payment"_s, paid);
    Q_EMIT db.events.changed(u"invoice"_s, paid);
    QTRY_COMPARE_WITH_TIMEOUT(reset.count(), 1, 2000);
    QCoreApplication::processEvents();
    QCOMPARE(reset.count(), 1);
    // Same filter, same order, as many rows as before, and the new status.
    QCOMPARE(model.sortColumn(), int(DocumentListModel::TotalColumn));
    QCOMPARE(model.sortOrder(), Qt::AscendingOrder);
    QCOMPARE(model.query().customerId, alpha);
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(idsOf(model), before);
    QCOMPARE(model.index(5, DocumentListModel::StatusColumn).data().toString(), u"Paid"_s);

    // A new invoice for the customer appears in its place in the order; the reload reads as
    // many rows as were loaded, and the one pushed out is one fetchMore away.
    auto added = db.invoice(alpha, 1, kToday);
    QVERIFY(added);
    Q_EMIT db.events.changed(u"invoice"_s, added->id);
    QTRY_COMPARE_WITH_TIMEOUT(reset.count(), 2, 2000);
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(model.index(0, 0).data(PagedListModel::IdRole).toString(), added->id);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 21);
    QCOMPARE(model.index(20, 0).data(PagedListModel::IdRole).toString(), before.last());

    // Renaming the customer renames its drafts; issued invoices keep the name they were issued
    // to.
    auto draft = db.draft(alpha, 700);
    QVERIFY(draft);
    model.setStatusFilter(DocumentStatus::Draft);
    QCOMPARE(model.rowCount(), 1);
    auto customer = db.ledger->customer(alpha);
    QVERIFY(customer);
    customer->name = u"Alpha Renamed"_s;
    QVERIFY(db.ledger->updateCustomer(customer.value()));
    Q_EMIT db.events.changed(u"customer"_s, alpha);
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0, DocumentListModel::CustomerColumn).data().toString(),
                              u"Alpha Renamed"_s, 2000);
    model.setStatusFilter(DocumentStatus::Paid);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, DocumentListModel::CustomerColumn).data().toString(), u"Alpha"_s);

    // The other models reload on their own entities.
    CustomerListModel customers(*db.ctx);
    watch(&customers);
    QCOMPARE(customers.rowCount(), 2);
    QVERIFY(!db.addCustomer(u"Gamma"_s).isEmpty());
    Q_EMIT db.events.changed(u"customer"_s, {});
    QTRY_COMPARE_WITH_TIMEOUT(customers.rowCount(), 3, 2000);

    ExpenseListModel expenses(*db.ctx);
    watch(&expenses);
    QCOMPARE(expenses.rowCount(), 0);
    QVERIFY(db.expense(u"Rail"_s, 5000, kToday));
    Q_EMIT db.events.changed(u"expense"_s, {});
    QTRY_COMPARE_WITH_TIMEOUT(expenses.rowCount(), 1, 2000);

    PaymentListModel payments(*db.ctx);
    watch(&payments);
    QCOMPARE(payments.rowCount(), 1);
    QVERIFY(db.pay(alphaInvoices.first(), 100, kToday));
    Q_EMIT db.events.changed(u"payment"_s, {});
    QTRY_COMPARE_WITH_TIMEOUT(payments.rowCount(), 2, 2000);

    ProductListModel products(*db.ctx);
    watch(&products);
    QCOMPARE(products.rowCount(), 0);
    Product p;
    p.name = u"Design"_s;
    p.unitPrice = 5000 * PriceExtraScale;
    p.taxRateId = db.rate22;
    QVERIFY(db.ledger->addProduct(p));
    Q_EMIT db.events.changed(u"product"_s, {});
    QTRY_COMPARE_WITH_TIMEOUT(products.rowCount(), 1, 2000);
}

void TestListModels::ledgerErrorKeepsRows()
{
    Test::ListLedger db;
    QVERIFY(db.open(kToday));
    const QString alpha = db.addCustomer(u"Alpha"_s);
    for (int i = 0; i < 15; ++i)
        QVERIFY(db.invoice(alpha, 1000 + i, kToday));
    DocumentListModel model(*db.ctx, DocumentKind::Invoice);
    watch(&model);
    model.setPageSize(10);
    model.restart();
    QCOMPARE(model.rowCount(), 10);
    QSignalSpy errors(&model, &PagedListModel::errorOccurred);

    // The file goes away under the list (a network drive, a closed connection).
    QSqlDatabase database = db.store->database();
    database.close();
    model.reload();
    QCOMPARE(errors.count(), 1);
    QVERIFY(!model.errorText().isEmpty());
    QCOMPARE(model.rowCount(), 10); // better stale than empty
    // Fetching more fails the same way and stops asking.
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 10);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(errors.count(), 2);

    // Filtering anew while the file is gone: the old rows belong to another query and go.
    model.setSearchText(u"2026"_s);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.errorText().isEmpty());
}

} // namespace Kontor

QTEST_MAIN(Kontor::TestListModels)
#include "tst_listmodels.moc"
