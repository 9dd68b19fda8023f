// The Sync panel over a real temporary ledger and a sync server in memory: its two item models
// under QAbstractItemModelTester, "Keep mine" putting a lost value back as a normal edit (in the
// ledger and in the outbox), "Open as new draft" for a refused edit of an issued document,
// "Dismiss", the status bar ("Local only" without an account, the engine's state with one), and
// changes from another device reaching the views through LedgerEvents.
#include "conflictlistmodel.h"
#include "editortestsupport.h"
#include "fakesynctransport.h"
#include "jsoncodec.h"
#include "mainwindow.h"
#include "rejectionlistmodel.h"
#include "shelltestsupport.h"
#include "syncpanel.h"
#include "syncsession.h"
#include "syncstatus.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::EditorTest;
using namespace Kontor::Test;

class TestSyncPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void conflictModel();
    void rejectionModel();
    void keepMineRestoresTheLostValue_data();
    void keepMineRestoresTheLostValue();
    void keepMineRefusesAnIssuedDocument();
    void dismissConflict();
    void openAsNewDraftCreatesADraft();
    void openAsNewDraftOpensTheKeptDraft();
    void dismissRejection();
    void statusBarSaysLocalOnlyWithoutAccount();
    void signedInStatusAndRemoteChanges();

private:
    ConflictEntry addConflict(const QString &entity, const QString &id, const QString &field,
                              const QJsonValue &lost, const QJsonValue &kept);
    SyncPanel *openPanel();
    void select(QTableView *view, int row);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<EditorLedger> m_ledger;
    std::unique_ptr<FakeSyncTransport> m_server;
    std::unique_ptr<SyncSession> m_session;
    std::unique_ptr<SyncPanel> m_panel;
};

void TestSyncPanel::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    isolateSettings(m_settingsDir);
    // English with its plural forms ("2 lines"), whatever the machine's language.
    QCOMPARE(Ui::applyLanguage(u"en"_s), u"en"_s);
}

void TestSyncPanel::init()
{
    m_ledger = std::make_unique<EditorLedger>();
    QVERIFY(m_ledger->open());
    m_server = std::make_unique<FakeSyncTransport>();
    SyncSession::Options options;
    options.credentialDirectory = m_ledger->dir.filePath(u"data"_s);
    options.credentialPreference = Sync::CredentialStore::Preference::FileOnly;
    options.transport = m_server.get();
    m_session = std::make_unique<SyncSession>(*m_ledger->ledger, m_ledger->events, m_ledger->sync,
                                              options);
    m_session->engine().setUseNetworkInformation(false);
    m_ledger->ctx->syncSession = m_session.get();
}

void TestSyncPanel::cleanup()
{
    closeDialogs();
    m_panel.reset();
    m_session.reset();
    m_server.reset();
    m_ledger.reset();
}

ConflictEntry TestSyncPanel::addConflict(const QString &entity, const QString &id,
                                         const QString &field, const QJsonValue &lost,
                                         const QJsonValue &kept)
{
    ConflictEntry c;
    c.entity = entity;
    c.entityId = id;
    c.field = field;
    c.lostValue = lost;
    c.lostClock = u"0001770000000000-00001/this-device"_s;
    c.keptValue = kept;
    c.keptClock = u"0001770000000000-00002/other-device"_s;
    auto added = m_session->replica().addConflict(c);
    if (!added)
        qWarning() << added.error().toString();
    c.id = added ? added.value() : 0;
    return c;
}

SyncPanel *TestSyncPanel::openPanel()
{
    m_panel = std::make_unique<SyncPanel>(*m_ledger->ctx);
    m_panel->show();
    if (!QTest::qWaitForWindowExposed(m_panel.get()))
        return nullptr;
    return m_panel.get();
}

void TestSyncPanel::select(QTableView *view, int row)
{
    view->setFocus();
    view->selectRow(row);
}

void TestSyncPanel::conflictModel()
{
    const Customer customer = m_ledger->addCustomer(u"Bianchi SpA"_s);
    addConflict(u"customer"_s, customer.id, u"name"_s, u"Bianchi Srl"_s, u"Bianchi SpA"_s);

    ConflictListModel model(m_session->replica());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), ConflictListModel::ColumnCount);
    const auto cell
        = [&model](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(cell(0, ConflictListModel::EntityColumn), u"Customer"_s);
    QCOMPARE(cell(0, ConflictListModel::RecordColumn), u"Bianchi SpA"_s);
    QCOMPARE(cell(0, ConflictListModel::FieldColumn), u"Name"_s);
    QCOMPARE(cell(0, ConflictListModel::KeptColumn), u"Bianchi SpA"_s);
    QCOMPARE(cell(0, ConflictListModel::LostColumn), u"Bianchi Srl"_s);
    QVERIFY(!cell(0, ConflictListModel::WhenColumn).isEmpty());

    // Values in words: a customer's own terms, an address on one line, a draft's lines.
    addConflict(u"customer"_s, customer.id, u"paymentTermsDays"_s, 60, -1);
    PostalAddress address;
    address.street = u"Via Po 3"_s;
    address.city = u"Torino"_s;
    address.country = u"IT"_s;
    addConflict(u"customer"_s, customer.id, u"billingAddress"_s, toJson(address), QJsonValue());
    const Document draft = m_ledger->addDraft(customer);
    addConflict(u"invoice"_s, draft.id, u"lines"_s, toJson(draft).value(u"lines"_s), QJsonArray());
    model.reload();
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(cell(1, ConflictListModel::LostColumn), u"60 days"_s);
    QCOMPARE(cell(1, ConflictListModel::KeptColumn), u"(company default)"_s);
    QCOMPARE(cell(2, ConflictListModel::LostColumn), u"Via Po 3, Torino, IT"_s);
    QCOMPARE(cell(2, ConflictListModel::KeptColumn), u"(empty)"_s);
    QCOMPARE(cell(3, ConflictListModel::RecordColumn), u"Draft for Bianchi SpA"_s);
    QCOMPARE(cell(3, ConflictListModel::LostColumn), u"2 lines"_s);
    QCOMPARE(cell(3, ConflictListModel::KeptColumn), u"0 lines"_s);

    // Resolved conflicts leave the list.
    QVERIFY(m_session->replica().resolveConflict(model.entry(0).id).ok());
    model.reload();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(cell(0, ConflictListModel::FieldColumn), u"Payment terms"_s);
}

void TestSyncPanel::rejectionModel()
{
    const Customer customer = m_ledger->addCustomer(u"Bianchi Srl"_s);
    const Document draft = m_ledger->addDraft(customer);
    auto issued = m_ledger->ledger->issue(draft.id);
    QVERIFY(issued.ok());

    RejectionEntry open;
    open.opId = u"op-open"_s;
    open.entity = u"invoice"_s;
    open.entityId = issued->id;
    open.kind = u"update"_s;
    open.fields = {{u"notes"_s, u"Paid by card"_s}};
    open.rule = u"immutable-document"_s;
    open.message = u"issued documents are immutable"_s;
    QVERIFY(m_session->replica().addRejection(open).ok());
    RejectionEntry dismissed = open;
    dismissed.opId = u"op-dismissed"_s;
    dismissed.resolution = u"dismissed"_s;
    QVERIFY(m_session->replica().addRejection(dismissed).ok());
    RejectionEntry series = open;
    series.opId = u"op-series"_s;
    series.entity = u"series"_s;
    series.kind = u"create"_s;
    series.rule = u"series-held"_s;
    series.message = u"held by another device"_s;
    series.resolution = u"kept-as-draft:"_s + draft.id;
    QVERIFY(m_session->replica().addRejection(series).ok());

    RejectionListModel model(m_session->replica());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2); // the dismissed one is not listed
    QCOMPARE(model.columnCount(), RejectionListModel::ColumnCount);
    const auto cell
        = [&model](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(cell(0, RejectionListModel::EntityColumn), u"Invoice"_s);
    QCOMPARE(cell(0, RejectionListModel::RecordColumn), issued->number);
    QCOMPARE(cell(0, RejectionListModel::ChangeColumn), u"changed"_s);
    QCOMPARE(cell(0, RejectionListModel::RuleColumn), u"immutable-document"_s);
    QVERIFY(cell(0, RejectionListModel::MessageColumn).contains(u"cannot be changed"_s));
    QVERIFY(!cell(0, RejectionListModel::WhenColumn).isEmpty());
    QCOMPARE(cell(0, RejectionListModel::ResolutionColumn), u"Open"_s);
    QCOMPARE(model.index(0, 0).data(RejectionListModel::IdRole).toString(), u"op-open"_s);
    QCOMPARE(cell(1, RejectionListModel::ResolutionColumn), u"Kept as a new draft"_s);
    // The server's own words stay reachable.
    QVERIFY(model.index(0, RejectionListModel::MessageColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"issued documents are immutable"_s));

    QVERIFY(m_session->replica().resolveRejection(u"op-open"_s, u"dismissed"_s).ok());
    model.reload();
    QCOMPARE(model.rowCount(), 1);
}

void TestSyncPanel::keepMineRestoresTheLostValue_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("field");
    QTest::newRow("customer name") << u"customer"_s << u"name"_s;
    QTest::newRow("customer address") << u"customer"_s << u"billingAddress"_s;
    QTest::newRow("product price") << u"product"_s << u"unitPrice"_s;
    QTest::newRow("draft notes") << u"invoice"_s << u"notes"_s;
    QTest::newRow("expense supplier") << u"expense"_s << u"supplier"_s;
    QTest::newRow("company e-mail") << u"company"_s << u"email"_s;
}

// The value that lost is put back through the Ledger's own update, so it lands in the outbox as
// a new change and reaches the other devices with the next sync.
void TestSyncPanel::keepMineRestoresTheLostValue()
{
    QFETCH(QString, entity);
    QFETCH(QString, field);
    Ledger &ledger = *m_ledger->ledger;

    // The record as the other device left it ("theirs"), and the value this one lost ("mine").
    QString id;
    QJsonValue mine;
    QJsonValue theirs;
    std::function<QJsonObject()> current;
    if (entity == u"customer"_s) {
        Customer c = m_ledger->addCustomer(u"Bianchi SpA"_s);
        id = c.id;
        if (field == u"name"_s) {
            mine = u"Bianchi Srl"_s;
        } else {
            PostalAddress a = c.billingAddress;
            a.street = u"Via Po 3"_s;
            a.city = u"Torino"_s;
            mine = toJson(a);
        }
        theirs = toJson(c).value(field);
        current = [&ledger, id] { return toJson(ledger.customer(id).value()); };
    } else if (entity == u"product"_s) {
        const Product p
            = m_ledger->addProduct(u"Consulting"_s, u"HUR"_s, price(90), m_ledger->rate22);
        id = p.id;
        mine = price(80);
        theirs = p.unitPrice;
        current = [&ledger, id] { return toJson(ledger.product(id).value()); };
    } else if (entity == u"invoice"_s) {
        Document d = m_ledger->addDraft(m_ledger->addCustomer(u"Verdi"_s));
        d.notes = u"Bank transfer, please"_s;
        QVERIFY(ledger.updateDraft(d).ok());
        id = d.id;
        mine = u"Paid in advance"_s;
        theirs = d.notes;
        current = [&ledger, id] { return toJson(ledger.document(id).value()); };
    } else if (entity == u"expense"_s) {
        Expense e;
        e.supplier = u"Cartoleria Neri"_s;
        e.date = m_ledger->today;
        e.currency = u"EUR"_s;
        e.netMinor = eur(100);
        e.vatMinor = eur(22);
        e.totalMinor = eur(122);
        auto added = ledger.addExpense(e);
        QVERIFY(added.ok());
        id = added->id;
        mine = u"Cartoleria Bianchi"_s;
        theirs = e.supplier;
        current = [&ledger, id] { return toJson(ledger.expense(id).value()); };
    } else {
        id = u"company"_s;
        mine = u"conti@studiorossi.example"_s;
        theirs = ledger.company()->email;
        current = [&ledger] { return toJson(ledger.company().value()); };
    }
    QVERIFY(mine != theirs);
    QCOMPARE(current().value(field), theirs);
    addConflict(entity, id, field, mine, theirs);

    SyncPanel *panel = openPanel();
    QVERIFY(panel);
    QCOMPARE(panel->conflictModel()->rowCount(), 1);
    const qint64 outboxBefore = m_ledger->outboxCount();
    m_ledger->changes.clear();

    auto *keepMine = panel->findChild<QPushButton *>(u"keepMine"_s);
    QVERIFY(keepMine);
    QVERIFY(!keepMine->isEnabled()); // nothing selected yet
    select(panel->conflictView(), 0);
    QVERIFY(keepMine->isEnabled());
    QTest::mouseClick(keepMine, Qt::LeftButton);

    QVERIFY2(panel->message().contains(u"restored"_s), qPrintable(panel->message()));
    QCOMPARE(current().value(field), mine);
    // One new change in the outbox, for this record, carrying the restored value.
    QCOMPARE(m_ledger->outboxCount(), outboxBefore + 1);
    const OutboxEntry last = m_ledger->store->outbox(0, 1'000'000).value().constLast();
    QCOMPARE(last.entity, entity);
    if (entity != u"company"_s)
        QCOMPARE(last.entityId, id);
    QCOMPARE(last.fields.value(field), mine);
    // Resolved, gone from the list, and announced like any edit.
    QVERIFY(m_session->replica().conflicts().value().isEmpty());
    QCOMPARE(panel->conflictModel()->rowCount(), 0);
    QVERIFY(m_ledger->changes.contains(entity + u':' + id));
}

void TestSyncPanel::keepMineRefusesAnIssuedDocument()
{
    const Document draft = m_ledger->addDraft(m_ledger->addCustomer(u"Verdi"_s));
    QVERIFY(m_ledger->ledger->issue(draft.id).ok());
    addConflict(u"invoice"_s, draft.id, u"notes"_s, u"Paid in advance"_s, QString());

    SyncPanel *panel = openPanel();
    QVERIFY(panel);
    const qint64 outboxBefore = m_ledger->outboxCount();
    select(panel->conflictView(), 0);
    QVERIFY(!panel->keepMine());
    QVERIFY2(panel->message().contains(u"cannot be changed"_s), qPrintable(panel->message()));
    QCOMPARE(m_ledger->outboxCount(), outboxBefore);
    QCOMPARE(m_session->replica().conflicts().value().size(), 1);
    QCOMPARE(panel->conflictModel()->rowCount(), 1);
}

void TestSyncPanel::dismissConflict()
{
    const Customer customer = m_ledger->addCustomer(u"Bianchi SpA"_s);
    addConflict(u"customer"_s, customer.id, u"name"_s, u"Bianchi Srl"_s, u"Bianchi SpA"_s);
    SyncPanel *panel = openPanel();
    QVERIFY(panel);
    const qint64 outboxBefore = m_ledger->outboxCount();
    select(panel->conflictView(), 0);
    QTest::mouseClick(panel->findChild<QPushButton *>(u"dismissConflict"_s), Qt::LeftButton);
    QCOMPARE(panel->conflictModel()->rowCount(), 0);
    QVERIFY(m_session->replica().conflicts().value().isEmpty());
    // The books keep what they hold; nothing is written.
    QCOMPARE(m_ledger->ledger->customer(customer.id)->name, u"Bianchi SpA"_s);
    QCOMPARE(m_ledger->outboxCount(), outboxBefore);
}

void TestSyncPanel::openAsNewDraftCreatesADraft()
{
    const Customer customer = m_ledger->addCustomer(u"Bianchi Srl"_s);
    const Document draft = m_ledger->addDraft(customer);
    auto issued = m_ledger->ledger->issue(draft.id);
    QVERIFY(issued.ok());

    RejectionEntry r;
    r.opId = u"op-1"_s;
    r.entity = u"invoice"_s;
    r.entityId = issued->id;
    r.kind = u"update"_s;
    r.fields = {{u"notes"_s, u"Paid by card"_s}};
    r.rule = u"immutable-document"_s;
    r.message = u"issued documents are immutable"_s;
    QVERIFY(m_session->replica().addRejection(r).ok());

    SyncPanel *panel = openPanel();
    QVERIFY(panel);
    auto *open = panel->findChild<QPushButton *>(u"openAsDraft"_s);
    QVERIFY(open);
    select(panel->rejectionView(), 0);
    QVERIFY(open->isEnabled());
    const qint64 outboxBefore = m_ledger->outboxCount();
    m_ledger->navigator.calls.clear();
    QTest::mouseClick(open, Qt::LeftButton);

    QCOMPARE(m_ledger->navigator.calls.size(), 1);
    QVERIFY(m_ledger->navigator.calls.constFirst().startsWith(u"openDocument:"_s));
    const QString draftId = m_ledger->navigator.calls.constFirst().section(u':', 1);
    QVERIFY(draftId != issued->id);
    auto kept = m_ledger->ledger->document(draftId);
    QVERIFY(kept.ok());
    QVERIFY(!kept->isIssued());
    QCOMPARE(kept->notes, u"Paid by card"_s);
    QCOMPARE(kept->customerId, customer.id);
    QCOMPARE(kept->lines.size(), issued->lines.size());
    // The new draft is a local change like any other; the issued invoice is untouched.
    QVERIFY(m_ledger->outboxCount() > outboxBefore);
    QCOMPARE(m_ledger->ledger->document(issued->id)->notes, issued->notes);
    const auto rejections = m_session->replica().rejections(true).value();
    QCOMPARE(rejections.size(), 1);
    QCOMPARE(rejections.constFirst().resolution, u"kept-as-draft:"_s + draftId);
    QCOMPARE(panel->rejectionModel()->index(0, RejectionListModel::ResolutionColumn).data(),
             QVariant(u"Kept as a new draft"_s));

    // Asked again, it opens the same draft rather than making another.
    select(panel->rejectionView(), 0);
    QVERIFY(panel->openRejectionAsDraft());
    QCOMPARE(m_ledger->navigator.calls.constLast(), u"openDocument:"_s + draftId);
}

void TestSyncPanel::openAsNewDraftOpensTheKeptDraft()
{
    // The engine already kept the refused edit as a draft when the server refused it.
    const Document draft = m_ledger->addDraft(m_ledger->addCustomer(u"Verdi"_s));
    RejectionEntry r;
    r.opId = u"op-2"_s;
    r.entity = u"invoice"_s;
    r.entityId = u"0190aaaa-0000-7000-8000-000000000001"_s;
    r.kind = u"update"_s;
    r.rule = u"immutable-document"_s;
    r.resolution = u"kept-as-draft:"_s + draft.id;
    QVERIFY(m_session->replica().addRejection(r).ok());

    SyncPanel *panel = openPanel();
    QVERIFY(panel);
    QCOMPARE(panel->rejectionModel()->rowCount(), 1);
    const qint64 outboxBefore = m_ledger->outboxCount();
    select(panel->rejectionView(), 0);
    QVERIFY(panel->openRejectionAsDraft());
    QCOMPARE(m_ledger->navigator.calls.constLast(), u"openDocument:"_s + draft.id);
    QCOMPARE(m_ledger->outboxCount(), outboxBefore);

    // A refused change of something that is no document has no draft to open.
    RejectionEntry customer = r;
    customer.opId = u"op-3"_s;
    customer.entity = u"customer"_s;
    customer.resolution.clear();
    QVERIFY(m_session->replica().addRejection(customer).ok());
    Q_EMIT m_session->rejectionsChanged();
    QCOMPARE(panel->rejectionModel()->rowCount(), 2);
    select(panel->rejectionView(), 1);
    QVERIFY(!panel->findChild<QPushButton *>(u"openAsDraft"_s)->isEnabled());
}

void TestSyncPanel::dismissRejection()
{
    RejectionEntry r;
    r.opId = u"op-4"_s;
    r.entity = u"customer"_s;
    r.entityId = u"0190aaaa-0000-7000-8000-000000000002"_s;
    r.kind = u"update"_s;
    r.rule = u"too-long"_s;
    QVERIFY(m_session->replica().addRejection(r).ok());
    SyncPanel *panel = openPanel();
    QVERIFY(panel);
    QCOMPARE(panel->rejectionModel()->rowCount(), 1);
    select(panel->rejectionView(), 0);
    QTest::mouseClick(panel->findChild<QPushButton *>(u"dismissRejection"_s), Qt::LeftButton);
    QCOMPARE(panel->rejectionModel()->rowCount(), 0);
    QCOMPARE(m_session->replica().rejections(true).value().constFirst().resolution, u"dismissed"_s);
}

void TestSyncPanel::statusBarSaysLocalOnlyWithoutAccount()
{
    MainWindow window(*m_ledger->ctx);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(m_ledger->sync.state(), SyncStatus::State::LocalOnly);
    QVERIFY2(window.syncLabel()->text().startsWith(u"Local only"_s),
             qPrintable(window.syncLabel()->text()));
    // The count follows the outbox after every write the UI announces.
    const Customer customer = m_ledger->addCustomer(u"Bianchi Srl"_s);
    Q_EMIT m_ledger->events.changed(u"customer"_s, customer.id);
    const QString expected = u"%1 changes recorded"_s.arg(m_ledger->outboxCount());
    QTRY_VERIFY2(window.syncLabel()->text().contains(expected),
                 qPrintable(window.syncLabel()->text()));

    // A click on the status opens the panel, which says the ledger is on this computer only.
    QVERIFY(window.syncPanelAction()->isVisible());
    QTest::mouseClick(window.syncLabel(), Qt::LeftButton);
    auto *panel = window.findChild<SyncPanel *>();
    QVERIFY(panel);
    QTRY_VERIFY(panel->isVisible());
    QVERIFY(panel->findChild<QLabel *>(u"syncAccount"_s)->text().contains(u"not signed in"_s));
    QVERIFY(!panel->findChild<QPushButton *>(u"syncNow"_s)->isEnabled());
    QVERIFY(m_server->calls.isEmpty()); // nothing is ever sent without an account
}

// Signed in against the server in memory: the status follows the engine; a change from another
// device is written to the ledger and announced, so views reload; a local edit is sent shortly
// after it is made.
void TestSyncPanel::signedInStatusAndRemoteChanges()
{
    MainWindow window(*m_ledger->ctx);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QSignalSpy finished(m_session.get(), &SyncSession::syncFinished);
    bool signedIn = false;
    m_session->signIn(u"https://sync.example.com"_s, u"anna@example.com"_s, u"secret-password"_s,
                      u"Laptop"_s, [&signedIn](Status s) { signedIn = s.ok(); });
    QTRY_VERIFY(signedIn);
    QVERIFY(m_session->isSignedIn());
    QTRY_VERIFY(!finished.isEmpty());
    QTRY_COMPARE(m_ledger->sync.state(), SyncStatus::State::Online);
    QVERIFY2(window.syncLabel()->text().startsWith(u"Online"_s),
             qPrintable(window.syncLabel()->text()));
    QCOMPARE(m_ledger->sync.pendingChanges(), 0);
    QVERIFY(m_ledger->sync.lastSync().isValid());

    // Another device adds a customer.
    EditorLedger other;
    QVERIFY(other.open());
    const Customer remote = other.addCustomer(u"Neri & Figli"_s);
    OutboxEntry entry;
    for (const OutboxEntry &e : other.store->outbox(0, 1000).value())
        if (e.entity == u"customer"_s && e.entityId == remote.id)
            entry = e;
    QVERIFY(!entry.opId.isEmpty());
    Sync::Op op;
    op.opId = entry.opId;
    op.deviceId = entry.deviceId;
    op.deviceSeq = entry.deviceSeq;
    op.entity = entry.entity;
    op.entityId = entry.entityId;
    op.kind = entry.kind;
    op.fields = entry.fields;
    op.hlc = entry.hlc;
    m_server->remote << op;
    m_ledger->changes.clear();
    finished.clear();
    m_session->syncNow();
    QTRY_VERIFY(m_ledger->ledger->customer(remote.id).ok());
    QCOMPARE(m_ledger->ledger->customer(remote.id)->name, u"Neri & Figli"_s);
    // Announced with an empty id, once per kind of record, so every list reloads.
    QTRY_VERIFY(m_ledger->changes.contains(u"customer:"_s));
    QVERIFY(m_ledger->changes.contains(u"invoice:"_s));
    // Applying it is not a local change: nothing new to send.
    QTRY_VERIFY(!finished.isEmpty());
    QCOMPARE(m_ledger->sync.pendingChanges(), 0);

    // A local edit announced through LedgerEvents is sent soon after.
    const int pushedBefore = int(m_server->pushed.size());
    const Customer local = m_ledger->addCustomer(u"Gialli"_s);
    Q_EMIT m_ledger->events.changed(u"customer"_s, local.id);
    QTRY_VERIFY(m_server->pushed.size() > pushedBefore);
    QCOMPARE(m_server->pushed.constLast().entityId, local.id);
    QTRY_COMPARE(m_ledger->sync.pendingChanges(), 0);
}

QTEST_MAIN(TestSyncPanel)
#include "tst_syncpanel.moc"
