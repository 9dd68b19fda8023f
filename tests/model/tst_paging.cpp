// Keyset-paged lists: every row exactly once in order, filters and search.
#include "testledger.h"

#include <QSet>

using namespace Kontor;
using namespace Kontor::Test;

class TestPaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesCoverEveryRowOnce_data();
    void pagesCoverEveryRowOnce();
    void filters();
    void search();
    void customersPaged();
    void badCursor();
    void totalsCoverTheWholeFilter();
    void searchWithManyMatches_data();
    void searchWithManyMatches();

private:
    Fixture m_f;
    QStringList m_customers;
};

void TestPaging::initTestCase()
{
    QVERIFY(m_f.open());
    Ledger &l = *m_f.ledger;
    WriteTransaction batch(*m_f.store);
    for (const QString &name : {u"Alfa srl"_s, u"Beta GmbH"_s, u"Ölmühle KG"_s, u"alpha ltd"_s})
        m_customers << l.addCustomer(Customer {.name = name})->id;
    for (int i = 0; i < 137; ++i) {
        Document d;
        d.customerId = m_customers[i % m_customers.size()];
        d.lines.append(
            m_f.line(u"Item"_s, QuantityScale * (1 + i % 5), 1000 + i, m_f.standardRate));
        auto draft = l.createDraft(d);
        QVERIFY(draft);
        if (i % 10 == 9)
            continue; // keep a few drafts
        IssueOptions o;
        o.issueDate = QDate(2026, 1, 1).addDays(i % 40);
        QVERIFY(l.issue(draft->id, o));
    }
    QVERIFY(batch.commit());
}

void TestPaging::pagesCoverEveryRowOnce_data()
{
    QTest::addColumn<int>("sort");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<int>("limit");
    QTest::newRow("date desc") << int(DocumentSort::IssueDate) << true << 10;
    QTest::newRow("date asc") << int(DocumentSort::IssueDate) << false << 7;
    QTest::newRow("number") << int(DocumentSort::Number) << false << 25;
    QTest::newRow("customer") << int(DocumentSort::Customer) << false << 9;
    QTest::newRow("total desc") << int(DocumentSort::Total) << true << 11;
    QTest::newRow("due date") << int(DocumentSort::DueDate) << true << 50;
    QTest::newRow("single page") << int(DocumentSort::IssueDate) << true << 1000;
}

void TestPaging::pagesCoverEveryRowOnce()
{
    QFETCH(int, sort);
    QFETCH(bool, descending);
    QFETCH(int, limit);
    DocumentQuery q;
    q.sort = DocumentSort(sort);
    q.descending = descending;
    q.limit = limit;
    QSet<QString> seen;
    QList<DocumentSummary> all;
    int pages = 0;
    do {
        auto page = m_f.ledger->documents(q);
        QVERIFY(page);
        QVERIFY(page->items.size() <= limit);
        for (const DocumentSummary &s : page->items) {
            QVERIFY2(!seen.contains(s.id), "a row appeared twice");
            seen.insert(s.id);
            all.append(s);
        }
        q.after = page->next;
        QVERIFY(++pages < 1000);
    } while (!q.after.isEmpty());
    QCOMPARE(seen.size(), 137);
    for (qsizetype i = 1; i < all.size(); ++i) {
        const DocumentSummary &a = all[i - 1], &b = all[i];
        auto ordered = [&](auto x, auto y) { return descending ? x >= y : x <= y; };
        switch (DocumentSort(sort)) {
        case DocumentSort::IssueDate:
            QVERIFY(ordered(a.issueDate, b.issueDate));
            break;
        case DocumentSort::Number:
            QVERIFY(ordered(a.number, b.number));
            break;
        case DocumentSort::Total:
            QVERIFY(ordered(a.totalMinor, b.totalMinor));
            break;
        case DocumentSort::DueDate:
            QVERIFY(ordered(a.dueDate.toString(Qt::ISODate), b.dueDate.toString(Qt::ISODate)));
            break;
        case DocumentSort::Customer:
            QVERIFY(ordered(a.customerName.toCaseFolded(), b.customerName.toCaseFolded()));
            break;
        }
    }
}

void TestPaging::filters()
{
    DocumentQuery drafts;
    drafts.status = DocumentStatus::Draft;
    drafts.limit = 1000;
    QCOMPARE(m_f.ledger->documents(drafts)->items.size(), 13);
    DocumentQuery range;
    range.from = QDate(2026, 1, 1);
    range.to = QDate(2026, 1, 5);
    range.limit = 1000;
    const auto inRange = m_f.ledger->documents(range).value().items;
    for (const DocumentSummary &s : inRange) {
        QVERIFY(s.issueDate >= range.from);
        QVERIFY(s.issueDate <= range.to);
    }
    DocumentQuery byCustomer;
    byCustomer.customerId = m_customers[1];
    byCustomer.limit = 1000;
    const auto items = m_f.ledger->documents(byCustomer).value().items;
    QVERIFY(!items.isEmpty());
    for (const DocumentSummary &s : items)
        QCOMPARE(s.customerId, m_customers[1]);
}

void TestPaging::search()
{
    DocumentQuery q;
    q.limit = 1000;
    q.search = u"ölmü"_s; // case-insensitive, non-ASCII
    auto page = m_f.ledger->documents(q);
    QVERIFY(!page->items.isEmpty());
    for (const DocumentSummary &s : page->items)
        QCOMPARE(s.customerName, u"Ölmühle KG"_s);
    q.search = u"al"_s; // "Alfa srl" and "alpha ltd"
    QSet<QString> names;
    const auto matches = m_f.ledger->documents(q).value().items;
    for (const DocumentSummary &s : matches)
        names.insert(s.customerName);
    QCOMPARE(names, QSet<QString>({u"Alfa srl"_s, u"alpha ltd"_s}));
    q.search = u"2026-l-0010"_s; // number, any case
    page = m_f.ledger->documents(q);
    QCOMPARE(page->items.size(), 1);
    QCOMPARE(page->items[0].number, u"2026-L-0010"_s);
    q.search = u"2026-L-001"_s;
    QCOMPARE(m_f.ledger->documents(q)->items.size(), 10); // 0010..0019
}

void TestPaging::customersPaged()
{
    CustomerQuery q;
    q.limit = 2;
    QStringList names;
    do {
        auto page = m_f.ledger->customers(q);
        QVERIFY(page);
        for (const Customer &c : page->items)
            names << c.name;
        q.after = page->next;
    } while (!q.after.isEmpty());
    QCOMPARE(names,
             QStringList({u"Alfa srl"_s, u"alpha ltd"_s, u"Beta GmbH"_s, u"Caffè Größe GmbH"_s,
                          u"Ölmühle KG"_s}));
}

void TestPaging::badCursor()
{
    DocumentQuery q;
    q.after = u"not a cursor"_s;
    auto r = m_f.ledger->documents(q);
    QVERIFY(!r);
    QCOMPARE(r.error().field, u"after"_s);
}

void TestPaging::totalsCoverTheWholeFilter()
{
    DocumentQuery q;
    q.limit = 7; // totals ignore paging
    qint64 total = 0, balance = 0, count = 0;
    DocumentQuery walk = q;
    do {
        auto page = m_f.ledger->documents(walk);
        for (const DocumentSummary &s : page->items) {
            total += s.totalMinor;
            balance += s.balanceMinor();
            ++count;
        }
        walk.after = page->next;
    } while (!walk.after.isEmpty());
    auto totals = m_f.ledger->documentTotals(q);
    QVERIFY(totals);
    QCOMPARE(totals->value(u"EUR"_s).count, count);
    QCOMPARE(totals->value(u"EUR"_s).totalMinor, total);
    QCOMPARE(totals->value(u"EUR"_s).balanceMinor, balance);

    q.status = DocumentStatus::Draft;
    QCOMPARE(m_f.ledger->documentTotals(q)->value(u"EUR"_s).count, qint64(13));
    q.status.reset();
    q.search = u"ölmü"_s;
    qint64 expected = 0;
    q.limit = 1000;
    const auto matches = m_f.ledger->documents(q).value().items;
    for (const DocumentSummary &s : matches)
        expected += s.totalMinor;
    QCOMPARE(m_f.ledger->documentTotals(q)->value(u"EUR"_s).totalMinor, expected);
}

void TestPaging::searchWithManyMatches_data()
{
    QTest::addColumn<QString>("term");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<int>("limit");
    // Thousands of number matches: the first of each page are taken from the search indexes,
    // which carry the issue date.
    QTest::newRow("number prefix, newest first") << u"2026-L-"_s << true << 50;
    QTest::newRow("number prefix, oldest first") << u"2026-l-"_s << false << 37;
    // Thousands of customer matches: the list is walked.
    QTest::newRow("customer prefix, newest first") << u"al"_s << true << 50;
    QTest::newRow("customer prefix, oldest first") << u"AL"_s << false << 37;
    // A thousand: collected and sorted.
    QTest::newRow("number prefix, any case") << u"2026-l-1"_s << true << 100;
    QTest::newRow("number prefix, pages of one") << u"2026-L-30"_s << false << 1;
}

// Every page of a search, whichever way the matches are found, in (issue date, id) order, each
// match once, the same as filtering the whole list.
void TestPaging::searchWithManyMatches()
{
    QFETCH(QString, term);
    QFETCH(bool, descending);
    QFETCH(int, limit);
    static Fixture f;
    static QStringList customers;
    if (customers.isEmpty()) {
        QVERIFY(f.open());
        Ledger &l = *f.ledger;
        for (const QString &name : {u"Alfa srl"_s, u"alpha ltd"_s, u"Beta GmbH"_s})
            customers << l.addCustomer(Customer {.name = name})->id;
        WriteTransaction batch(*f.store);
        for (int i = 0; i < 4200; ++i) {
            Document d;
            d.customerId = customers[i % customers.size()];
            // Few dates, so many matches share one and the id decides.
            d.issueDate = QDate(2026, 1, 1).addDays((i * 7) % 45);
            d.lines.append(f.line(u"Item"_s, QuantityScale, 1000 + i, f.standardRate));
            QVERIFY(l.issueNew(d));
        }
        for (int i = 0; i < 5; ++i) { // drafts match a customer prefix too
            Document d;
            d.customerId = customers[i % customers.size()];
            d.issueDate = QDate(2026, 1, 20);
            QVERIFY(l.createDraft(d));
        }
        QVERIFY(batch.commit());
    }

    // The expected rows: the whole list filtered here.
    DocumentQuery all;
    all.limit = 1000;
    all.descending = descending;
    QList<DocumentSummary> expected;
    const QString key = term.toCaseFolded();
    do {
        auto page = f.ledger->documents(all);
        QVERIFY(page);
        for (const DocumentSummary &s : page->items)
            if (s.number.startsWith(term) || s.number.startsWith(term.toUpper())
                || s.customerName.toCaseFolded().startsWith(key))
                expected.append(s);
        all.after = page->next;
    } while (!all.after.isEmpty());
    QVERIFY(expected.size() > limit);

    DocumentQuery q;
    q.search = term;
    q.descending = descending;
    q.limit = limit;
    QStringList got;
    int pages = 0;
    do {
        auto page = f.ledger->documents(q);
        QVERIFY(page);
        QVERIFY(page->items.size() <= limit);
        for (const DocumentSummary &s : page->items)
            got << s.id;
        q.after = page->next;
        QVERIFY(++pages < 10000);
    } while (!q.after.isEmpty());
    QStringList want;
    for (const DocumentSummary &s : expected)
        want << s.id;
    QCOMPARE(got.size(), want.size());
    QCOMPARE(got, want);
}

QTEST_GUILESS_MAIN(TestPaging)
#include "tst_paging.moc"
