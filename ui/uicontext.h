// What every page, editor and dialog of the desktop works with: the ledger, the change
// notifications that keep views fresh, the sync status, the navigator that opens editors and,
// in the program (not in every test), the sync session of the open ledger. Passed in, never
// fetched from a global.
#pragma once

#include "entities.h"
#include "ledger.h"

#include <QObject>
#include <QString>

namespace Kontor {

class SyncSession;
class SyncStatus;

// Emitted by whoever wrote to the ledger through the UI, after the write committed, so lists,
// the dashboard and the status bar reload what they show. `entity` uses the outbox's names:
// "invoice", "credit_note", "quote", "customer", "product", "expense", "payment", "tax_rate",
// "series", "company". Changes that arrive from other devices through sync are announced here
// too, with an empty id (SyncSession), so views reload what they show.
class LedgerEvents : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
Q_SIGNALS:
    void changed(const QString &entity, const QString &id);
};

// Opens editors and pages on behalf of views; implemented by MainWindow, by a recording stub in
// tests.
class Navigator
{
public:
    enum class Page {
        Dashboard,
        Invoices,
        Quotes,
        CreditNotes,
        Expenses,
        Customers,
        Products,
        Payments,
        Settings
    };
    virtual ~Navigator() = default;
    virtual void showPage(Page page) = 0;
    virtual void openDocument(const QString &documentId) = 0;
    virtual void newDocument(DocumentKind kind, const QString &customerId = {}) = 0;
    virtual void openCustomer(const QString &customerId) = 0; // empty: a new customer
    virtual void openProduct(const QString &productId) = 0; // empty: a new product
    virtual void openExpense(const QString &expenseId) = 0; // empty: a new expense
};

struct UiContext
{
    Ledger &ledger;
    LedgerEvents &events;
    SyncStatus &sync;
    Navigator *navigator = nullptr;
    // Null where the ledger has no sync (tests of single widgets); the desktop always has one.
    SyncSession *syncSession = nullptr;
};

} // namespace Kontor
