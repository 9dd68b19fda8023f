// The two-device story, end to end against the real kontor-syncd: device A offline issues three
// invoices and edits a customer; device B offline edits the same customer, issues two invoices
// and edits a draft that A issued meanwhile. Both reconnect. The later customer edit wins on
// both, the earlier value is a visible conflict, B's edit of the issued invoice is refused with
// its reason and kept as a new draft, every number is gapless in its own series, and both
// devices end with the same books.
#include "syncdprocess.h"

#include <money.h>
#include <replica.h>
#include <syncengine.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::Sync;
using namespace Kontor::Test;

namespace {

const QString Password = u"correct horse battery"_s;

struct Device
{
    std::unique_ptr<Store> store;
    std::unique_ptr<Ledger> ledger;
    std::unique_ptr<Replica> replica;
    std::unique_ptr<SyncEngine> engine;
    qint64 clockMs = 0; // a manual clock, so "later" is certain

    bool open(const QString &path)
    {
        auto s = Store::open(path, Store::OpenMode::CreateNew);
        if (!s)
            return false;
        store = std::move(s.value());
        clockMs = QDateTime::currentMSecsSinceEpoch();
        store->setClock([this] { return clockMs; });
        ledger = std::make_unique<Ledger>(*store);
        replica = std::make_unique<Replica>(*ledger);
        engine = std::make_unique<SyncEngine>(*replica);
        engine->setUseNetworkInformation(false);
        engine->setLongPollEnabled(false);
        return true;
    }

    SyncResult sync()
    {
        QSignalSpy finished(engine.get(), &SyncEngine::finished);
        engine->syncNow();
        if (!finished.wait(30000))
            return {};
        return finished.first().first().value<SyncResult>();
    }

    Result<Document> draft(const QString &customerId, const QString &note)
    {
        Document d;
        d.customerId = customerId;
        d.notes = note;
        DocumentLine l;
        l.description = u"Consulting"_s;
        l.quantity = 2 * QuantityScale;
        l.unitPrice = 150'00 * PriceExtraScale;
        l.taxRateId = ledger->taxRates()->first().id;
        d.lines.append(l);
        return ledger->createDraft(d);
    }
};

} // namespace

class TestTwoDevices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void story();
    void sameDraftIssuedOnBoth();

private:
    void signInBoth(const QList<QUrl> &servers, Device &a, Device &b, const QString &email);
};

void TestTwoDevices::signInBoth(const QList<QUrl> &servers, Device &a, Device &b,
                                const QString &email)
{
    bool done = false;
    a.engine->signUp(servers, email, Password, u"Studio"_s, [&](Result<QString> r) {
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    for (Device *d : {&a, &b}) {
        done = false;
        d->engine->signIn(servers, email, Password, d == &a ? u"Laptop"_s : u"Desktop"_s,
                          [&](Status s) {
                              QVERIFY2(s, qPrintable(s ? QString() : s.error().toString()));
                              done = true;
                          });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    }
}

// Both devices issue the same draft while offline: two legal invoices in two series. The one
// the server hears of second becomes a document of its own on every device; its device is told
// of a likely double billing; both devices end with both invoices and the same books.
void TestTwoDevices::sameDraftIssuedOnBoth()
{
    QTemporaryDir dir;
    SyncdProcess server(dir.filePath(u"server.db"_s));
    QVERIFY(server.start(0));
    Device a;
    Device b;
    QVERIFY(a.open(dir.filePath(u"a.kontor"_s)));
    QVERIFY(b.open(dir.filePath(u"b.kontor"_s)));
    CompanyProfile company;
    company.name = u"Studio Verdi"_s;
    company.address.country = u"IT"_s;
    QVERIFY(a.ledger->initialize(company, u"2026-L-"_s));
    signInBoth({server.url()}, a, b, u"verdi@example.com"_s);

    Customer c;
    c.name = u"Neri Logistica"_s;
    const QString customerId = a.ledger->addCustomer(c)->id;
    auto shared = a.draft(customerId, u"April work"_s);
    QVERIFY(shared);
    QVERIFY(a.sync().ok);
    QVERIFY(b.sync().ok);
    NumberSeries desktop;
    desktop.name = u"Desktop invoices"_s;
    desktop.prefix = u"2026-D-"_s;
    auto bSeries = b.ledger->addSeries(desktop);
    QVERIFY(bSeries);
    QVERIFY(b.sync().ok);

    QCOMPARE(a.ledger->issue(shared->id)->number, u"2026-L-0001"_s);
    IssueOptions inB;
    inB.seriesId = bSeries->id;
    QCOMPARE(b.ledger->issue(shared->id, inB)->number, u"2026-D-0001"_s);
    b.clockMs += 1000;
    auto later = b.draft(customerId, u"after"_s);
    QVERIFY(later);
    QCOMPARE(b.ledger->issue(later->id, inB)->number, u"2026-D-0002"_s);

    QVERIFY(a.sync().ok);
    const SyncResult bResult = b.sync();
    QVERIFY2(bResult.ok, qPrintable(bResult.error.toString()));
    QCOMPARE(bResult.rejected, 0); // nothing refused: B's numbers all stand
    QVERIFY(a.sync().ok);
    QVERIFY(b.sync().ok);

    const auto warnings = b.replica->rejections(true).value();
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.first().rule, u"possible-double-billing"_s);
    for (Device *d : {&a, &b}) {
        QCOMPARE(d->ledger->documentByNumber(u"2026-L-0001"_s)->id, shared->id);
        auto bs = d->ledger->documentByNumber(u"2026-D-0001"_s);
        QVERIFY(bs);
        QVERIFY(bs->id != shared->id);
        QCOMPARE(bs->id, warnings.first().entityId);
        QVERIFY(d->ledger->documentByNumber(u"2026-D-0002"_s));
        auto report = d->ledger->verify();
        QVERIFY(report);
        QVERIFY2(report->ok(),
                 qPrintable(report->problems.isEmpty() ? QString()
                                                       : report->problems.first().description));
        QCOMPARE(d->replica->pendingCount().value(), qint64(0));
    }
    QCOMPARE(a.replica->digest().value(), b.replica->digest().value());
}

void TestTwoDevices::story()
{
    QTemporaryDir dir;
    SyncdProcess server(dir.filePath(u"server.db"_s));
    QVERIFY(server.start(0));
    const QList<QUrl> servers {server.url()};

    Device a;
    Device b;
    QVERIFY(a.open(dir.filePath(u"a.kontor"_s)));
    QVERIFY(b.open(dir.filePath(u"b.kontor"_s)));
    CompanyProfile company;
    company.name = u"Studio Rossi"_s;
    company.address.country = u"IT"_s;
    QVERIFY(a.ledger->initialize(company, u"2026-L-"_s));

    bool done = false;
    a.engine->signUp(servers, u"rossi@example.com"_s, Password, u"Studio Rossi"_s,
                     [&](Result<QString> r) {
                         QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
                         done = true;
                     });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    for (Device *d : {&a, &b}) {
        done = false;
        d->engine->signIn(servers, u"rossi@example.com"_s, Password,
                          d == &a ? u"Laptop"_s : u"Desktop"_s, [&](Status s) {
                              QVERIFY2(s, qPrintable(s ? QString() : s.error().toString()));
                              done = true;
                          });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    }

    // Shared starting point: a customer and a draft, known to both devices.
    Customer c;
    c.name = u"Bianchi Trasporti"_s;
    c.email = u"info@bianchi.it"_s;
    const QString customerId = a.ledger->addCustomer(c)->id;
    auto shared = a.draft(customerId, u"March work"_s);
    QVERIFY(shared);
    QVERIFY(a.sync().ok);
    QVERIFY(b.sync().ok);
    QVERIFY(b.ledger->document(shared->id));
    NumberSeries desktop;
    desktop.name = u"Desktop invoices"_s;
    desktop.prefix = u"2026-D-"_s;
    auto bSeries = b.ledger->addSeries(desktop);
    QVERIFY(bSeries);
    QVERIFY(b.sync().ok);

    // Offline. A: issues the shared draft and two more, edits the customer.
    QStringList issuedOnA;
    {
        auto issued = a.ledger->issue(shared->id);
        QVERIFY2(issued, qPrintable(issued ? QString() : issued.error().toString()));
        issuedOnA << issued->id;
        for (int i = 0; i < 2; ++i) {
            auto d = a.draft(customerId, u"A %1"_s.arg(i));
            QVERIFY(d);
            issuedOnA << a.ledger->issue(d->id)->id;
        }
        a.clockMs += 1000;
        Customer edit = a.ledger->customer(customerId).value();
        edit.email = u"amministrazione@bianchi.it"_s;
        QVERIFY(a.ledger->updateCustomer(edit));
    }
    // B, later: edits the same customer, issues two invoices, edits the draft A issued.
    b.clockMs = a.clockMs + 60'000;
    {
        Customer edit = b.ledger->customer(customerId).value();
        edit.email = u"fatture@bianchi.it"_s;
        QVERIFY(b.ledger->updateCustomer(edit));
        IssueOptions inB;
        inB.seriesId = bSeries->id;
        for (int i = 0; i < 2; ++i) {
            auto d = b.draft(customerId, u"B %1"_s.arg(i));
            QVERIFY(d);
            QVERIFY(b.ledger->issue(d->id, inB));
        }
        Document edit2 = b.ledger->document(shared->id).value();
        edit2.notes = u"March work, 2 extra hours"_s;
        edit2.lines[0].quantity = 4 * QuantityScale;
        QVERIFY(b.ledger->updateDraft(edit2));
    }

    // Reconnect: A first, then B, then both once more.
    QVERIFY(a.sync().ok);
    const SyncResult bResult = b.sync();
    QVERIFY2(bResult.ok, qPrintable(bResult.error.toString()));
    QCOMPARE(bResult.rejected, 1);
    QVERIFY(a.sync().ok);
    QVERIFY(b.sync().ok);

    // The later edit wins everywhere; the earlier one is a conflict the user can see.
    for (Device *d : {&a, &b})
        QCOMPARE(d->ledger->customer(customerId)->email, u"fatture@bianchi.it"_s);
    const auto conflictsA = a.replica->conflicts().value();
    QVERIFY(!conflictsA.isEmpty());
    QCOMPARE(conflictsA.first().field, u"email"_s);
    QCOMPARE(conflictsA.first().lostValue.toString(), u"amministrazione@bianchi.it"_s);
    QCOMPARE(conflictsA.first().keptValue.toString(), u"fatture@bianchi.it"_s);

    // B's edit of the issued invoice was refused with its reason and kept as a new draft.
    const auto rejections = b.replica->rejections(true).value();
    QCOMPARE(rejections.size(), 1);
    QCOMPARE(rejections.first().rule, u"immutable-document"_s);
    QCOMPARE(rejections.first().entityId, shared->id);
    QVERIFY(rejections.first().resolution.startsWith(u"kept-as-draft:"_s));
    const QString keptId = rejections.first().resolution.mid(14);
    for (Device *d : {&a, &b}) {
        auto kept = d->ledger->document(keptId);
        QVERIFY(kept);
        QCOMPARE(kept->status, DocumentStatus::Draft);
        QCOMPARE(kept->notes, u"March work, 2 extra hours"_s);
        QCOMPARE(kept->lines.first().quantity, 4 * QuantityScale);
        // The issued invoice is A's, unchanged.
        QCOMPARE(d->ledger->document(shared->id)->notes, u"March work"_s);
    }

    // Five invoices, gapless in two series, the same books on both devices.
    for (Device *d : {&a, &b}) {
        DocumentQuery issued;
        issued.status = DocumentStatus::Issued;
        auto list = d->ledger->documents(issued);
        QVERIFY(list);
        QStringList numbers;
        for (const DocumentSummary &s : list->items)
            numbers << s.number;
        numbers.sort();
        QCOMPARE(numbers,
                 QStringList({u"2026-D-0001"_s, u"2026-D-0002"_s, u"2026-L-0001"_s,
                              u"2026-L-0002"_s, u"2026-L-0003"_s}));
        QVERIFY(d->ledger->verify()->ok());
        QCOMPARE(d->replica->pendingCount().value(), qint64(0));
    }
    QCOMPARE(a.replica->digest().value(), b.replica->digest().value());
}

QTEST_GUILESS_MAIN(TestTwoDevices)
#include "tst_twodevices.moc"
