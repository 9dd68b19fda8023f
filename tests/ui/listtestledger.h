// A real temporary ledger for the list and dashboard tests, with the UiContext the pages need,
// a navigator that records what it was asked to open, a fixed "today" (Store::setClock) and
// helpers that seed invoices, payments, credit notes and expenses with known dates and amounts.
#pragma once

#include "ledger.h"
#include "money.h"
#include "store.h"
#include "syncstatus.h"
#include "uicontext.h"

#include <QDateTime>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace Kontor::Test {

using namespace Qt::StringLiterals;

// Remembers every call as "method:argument" so tests can compare what a page asked for.
class RecordingNavigator : public Navigator
{
public:
    QStringList calls;

    void showPage(Page page) override { calls << u"showPage:%1"_s.arg(int(page)); }
    void openDocument(const QString &id) override { calls << u"openDocument:"_s + id; }
    void newDocument(DocumentKind kind, const QString &customerId) override
    {
        calls << u"newDocument:%1:%2"_s.arg(documentKindName(kind), customerId);
    }
    void openCustomer(const QString &id) override { calls << u"openCustomer:"_s + id; }
    void openProduct(const QString &id) override { calls << u"openProduct:"_s + id; }
    void openExpense(const QString &id) override { calls << u"openExpense:"_s + id; }
};

struct ListLedger
{
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    std::unique_ptr<Ledger> ledger;
    LedgerEvents events;
    SyncStatus sync;
    RecordingNavigator navigator;
    std::optional<UiContext> ctx;
    QString rate22;
    QString rate10;
    QDate today;

    // Midday, so the local date is `date` in every time zone the tests run in.
    static qint64 msOf(const QDate &date)
    {
        return QDateTime(date, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    }

    void setToday(const QDate &date)
    {
        today = date;
        const qint64 ms = msOf(date);
        // A frozen clock: the hybrid logical clock counts on when the time does not move.
        store->setClock([ms] { return ms; });
    }

    bool open(const QDate &todayDate)
    {
        if (!dir.isValid())
            return false;
        auto s = Store::open(dir.filePath(u"ledger.kontor"_s), Store::OpenMode::CreateNew);
        if (!s) {
            qWarning() << s.error().toString();
            return false;
        }
        store = std::move(s.value());
        setToday(todayDate);
        ledger = std::make_unique<Ledger>(*store);
        CompanyProfile c;
        c.name = u"Studio Verdi"_s;
        c.address = {u"Via Roma 1"_s, {}, u"00100"_s, u"Roma"_s, {}, u"IT"_s};
        c.vatId = u"IT12345678901"_s;
        c.currency = u"EUR"_s;
        c.paymentTermsDays = 30;
        if (auto st = ledger->initialize(c, u"2026-L-"_s); !st) {
            qWarning() << st.error().toString();
            return false;
        }
        for (const TaxRate &r : ledger->taxRates().value()) {
            if (r.category == TaxCategory::Standard && r.rateBp == 2200)
                rate22 = r.id;
            if (r.category == TaxCategory::Standard && r.rateBp == 1000)
                rate10 = r.id;
        }
        ctx.emplace(UiContext {*ledger, events, sync, &navigator});
        return !rate22.isEmpty();
    }

    QString addCustomer(const QString &name, int termsDays = -1, bool archived = false)
    {
        Customer c;
        c.name = name;
        c.email = name.section(u' ', 0, 0).toLower() + u"@example.com"_s;
        c.billingAddress = {u"Street 1"_s, {}, u"10115"_s, u"Berlin"_s, {}, u"DE"_s};
        c.paymentTermsDays = termsDays;
        c.archived = archived;
        auto added = ledger->addCustomer(c);
        if (!added) {
            qWarning() << added.error().toString();
            return {};
        }
        return added->id;
    }

    // A draft with one line of quantity 1 at `netMinor`, 22 % VAT.
    Result<Document> draft(const QString &customerId, qint64 netMinor,
                           DocumentKind kind = DocumentKind::Invoice, const QDate &issueDate = {},
                           const QDate &dueDate = {})
    {
        Document d;
        d.kind = kind;
        d.customerId = customerId;
        d.issueDate = issueDate;
        d.dueDate = dueDate;
        DocumentLine l;
        l.description = u"Work"_s;
        l.quantity = QuantityScale;
        l.unitPrice = netMinor * PriceExtraScale;
        l.taxRateId = rate22;
        d.lines.append(l);
        return ledger->createDraft(d);
    }

    // An issued invoice of `netMinor` net (+22 % VAT) on `issueDate`, due on `dueDate`.
    Result<Document> invoice(const QString &customerId, qint64 netMinor, const QDate &issueDate,
                             const QDate &dueDate = {})
    {
        auto d = draft(customerId, netMinor, DocumentKind::Invoice, issueDate, dueDate);
        if (!d)
            return d;
        IssueOptions o;
        o.issueDate = issueDate;
        return ledger->issue(d->id, o);
    }

    Result<Payment> pay(const QString &invoiceId, qint64 amountMinor, const QDate &date)
    {
        Payment p;
        p.target = PaymentTarget::Invoice;
        p.targetId = invoiceId;
        p.date = date;
        p.amountMinor = amountMinor;
        p.method = u"bank transfer"_s;
        p.reference = u"REF-"_s + invoiceId.right(6);
        return ledger->recordPayment(p);
    }

    Result<Document> creditNote(const QString &invoiceId, const QDate &date)
    {
        CreditNoteRequest r;
        r.invoiceId = invoiceId;
        r.reason = u"Returned"_s;
        r.issueDate = date;
        auto cn = ledger->createCreditNote(r);
        if (!cn)
            return cn;
        IssueOptions o;
        o.issueDate = date;
        return ledger->issue(cn->id, o);
    }

    Result<Expense> expense(const QString &supplier, qint64 netMinor, const QDate &date,
                            const QString &category = u"Travel"_s)
    {
        Expense e;
        e.supplier = supplier;
        e.date = date;
        e.category = category;
        e.currency = u"EUR"_s;
        e.netMinor = netMinor;
        e.vatMinor = netMinor * 22 / 100;
        e.totalMinor = e.netMinor + e.vatMinor;
        return ledger->addExpense(e);
    }
};

} // namespace Kontor::Test
