// What the editor tests share: a real temporary ledger (Italian company, EUR, 30 days' terms, a
// fixed "today") with the UiContext the editors need, a navigator that records what it was asked
// to open, a log of LedgerEvents, and a driver for modal dialogs: an editor's exec() blocks, so
// the test registers beforehand what to do with the dialog once it is open.
#pragma once

#include "ledger.h"
#include "money.h"
#include "store.h"
#include "syncstatus.h"
#include "uicontext.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDateTime>
#include <QDialog>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QPointer>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace Kontor::EditorTest {

using namespace Qt::StringLiterals;

// Remembers every call as "method:argument".
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

inline qint64 eur(qint64 units, qint64 cents = 0)
{
    return units * 100 + cents;
}

inline qint64 price(qint64 units, qint64 cents = 0)
{
    return eur(units, cents) * PriceExtraScale;
}

inline qint64 qty(qint64 units)
{
    return units * QuantityScale;
}

struct EditorLedger
{
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    std::unique_ptr<Ledger> ledger;
    LedgerEvents events;
    SyncStatus sync;
    RecordingNavigator navigator;
    std::optional<UiContext> ctx;
    QStringList changes; // "entity:id" of every LedgerEvents::changed
    QString rate22;
    QString rate10;
    QString rateExempt;
    QDate today {2026, 3, 9};

    bool open(bool withNavigator = true)
    {
        if (!dir.isValid())
            return false;
        auto s = Store::open(dir.filePath(u"ledger.kontor"_s), Store::OpenMode::CreateNew);
        if (!s) {
            qWarning() << s.error().toString();
            return false;
        }
        store = std::move(s.value());
        // A frozen clock at midday: the same date in every time zone, numbers that do not move.
        const qint64 ms = QDateTime(today, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
        store->setClock([ms] { return ms; });
        ledger = std::make_unique<Ledger>(*store);
        CompanyProfile company;
        company.name = u"Studio Rossi"_s;
        company.address.street = u"Via Roma 1"_s;
        company.address.postalCode = u"20121"_s;
        company.address.city = u"Milano"_s;
        company.address.country = u"IT"_s;
        company.vatId = u"IT01234567890"_s;
        company.email = u"studio@example.com"_s;
        company.currency = u"EUR"_s;
        company.paymentTermsDays = 30;
        if (auto ok = ledger->initialize(company, u"2026-"_s); !ok) {
            qWarning() << ok.error().toString();
            return false;
        }
        for (const TaxRate &r : ledger->taxRates().value()) {
            if (r.category == TaxCategory::Standard && r.rateBp == 2200)
                rate22 = r.id;
            if (r.category == TaxCategory::Standard && r.rateBp == 1000)
                rate10 = r.id;
            if (r.category == TaxCategory::Exempt)
                rateExempt = r.id;
        }
        ctx.emplace(UiContext {*ledger, events, sync, withNavigator ? &navigator : nullptr});
        QObject::connect(
            &events, &LedgerEvents::changed, &events,
            [this](const QString &entity, const QString &id) { changes << entity + u':' + id; });
        return !rate22.isEmpty() && !rate10.isEmpty();
    }

    Customer addCustomer(const QString &name, int terms = -1, const QString &email = {})
    {
        Customer c;
        c.name = name;
        c.email = email;
        c.paymentTermsDays = terms;
        c.billingAddress.country = u"IT"_s;
        auto added = ledger->addCustomer(c);
        Q_ASSERT(added.ok());
        return added.value();
    }

    Product addProduct(const QString &name, const QString &unit, qint64 unitPrice,
                       const QString &rateId, const QString &description = {})
    {
        Product p;
        p.name = name;
        p.description = description;
        p.unit = unit;
        p.unitPrice = unitPrice;
        p.taxRateId = rateId;
        auto added = ledger->addProduct(p);
        Q_ASSERT(added.ok());
        return added.value();
    }

    // A draft invoice: 10 h at 80.00 (22 %) and 1 at 50.00 (10 %).
    Document addDraft(const Customer &customer, DocumentKind kind = DocumentKind::Invoice)
    {
        Document d;
        d.kind = kind;
        d.customerId = customer.id;
        DocumentLine a;
        a.description = u"Consulting"_s;
        a.quantity = qty(10);
        a.unit = u"HUR"_s;
        a.unitPrice = price(80);
        a.taxRateId = rate22;
        DocumentLine b;
        b.description = u"Printed manual"_s;
        b.quantity = qty(1);
        b.unitPrice = price(50);
        b.taxRateId = rate10;
        d.lines = {a, b};
        auto created = ledger->createDraft(d);
        Q_ASSERT(created.ok());
        return created.value();
    }

    qint64 outboxCount() const { return store->outboxCount().value(); }
};

// Does something with a modal dialog once it is open: exec() blocks the test, so the handler is
// registered before the action that opens the dialog, and runs inside the dialog's event loop.
// A dialog that never appears fails the test instead of hanging it; one left open by a failed
// handler is closed after a few seconds.
class ModalDriver : public QObject
{
public:
    ModalDriver(const QString &objectName, std::function<void(QWidget *)> handler)
        : m_objectName(objectName), m_handler(std::move(handler))
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { poll(); });
        m_timer.start();
        m_started.start();
    }

    bool handled() const { return m_handled; }

private:
    void poll()
    {
        QWidget *modal = QApplication::activeModalWidget();
        if (!m_handled && modal && modal->objectName() == m_objectName && modal->isVisible()) {
            m_handled = true;
            m_dialog = modal;
            m_handler(modal);
            return;
        }
        if (m_started.elapsed() > 5000) {
            m_timer.stop();
            // Whatever is still open would block the test forever.
            if (QWidget *open = QApplication::activeModalWidget())
                if (auto *dialog = qobject_cast<QDialog *>(open))
                    dialog->reject();
        }
        if (m_handled && (!m_dialog || !m_dialog->isVisible()))
            m_timer.stop();
    }

    QString m_objectName;
    std::function<void(QWidget *)> m_handler;
    QTimer m_timer;
    QElapsedTimer m_started;
    bool m_handled = false;
    QPointer<QWidget> m_dialog;
};

// Clicks a check box or radio button on its indicator: the widget is as wide as its layout
// makes it, and a click past the end of its text does not toggle it.
inline void clickIndicator(QAbstractButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(6, button->height() / 2));
}

// Clicks the button of a message box that accepts (Issue, Delete, ...).
inline void acceptMessageBox(QWidget *widget)
{
    auto *box = qobject_cast<QMessageBox *>(widget);
    QVERIFY(box);
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QMessageBox::AcceptRole) {
            button->click();
            return;
        }
    }
    QFAIL("the message box has no accepting button");
}

} // namespace Kontor::EditorTest
