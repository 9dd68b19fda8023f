// The ledger's operations: everything a user or a script does to the books goes through here.
// Each operation validates its input with the rules (rules.h), writes inside one
// WriteTransaction together with its outbox change, and returns the stored record or an Error
// that names the field and the rule. Nothing is written when an operation fails.
#pragma once

#include "auditchain.h"
#include "entities.h"
#include "result.h"
#include "rules.h"
#include "store.h"

#include <QHash>

#include <optional>

namespace Kontor {

// One row of a document list: what a list shows, without lines.
struct DocumentSummary
{
    QString id;
    DocumentKind kind = DocumentKind::Invoice;
    DocumentStatus status = DocumentStatus::Draft;
    QString number;
    QString customerId;
    QString customerName;
    QDate issueDate;
    QDate dueDate;
    QString currency;
    qint64 netMinor = 0;
    qint64 vatMinor = 0;
    qint64 totalMinor = 0;
    qint64 paidMinor = 0;
    qint64 creditedMinor = 0;
    QString referenceId; // credit note: its invoice; invoice: the quote it came from
    qint64 balanceMinor() const { return totalMinor - paidMinor - creditedMinor; }
    bool overdue = false;
};

enum class DocumentSort { IssueDate, Number, Customer, Total, DueDate };

// A page request over documents. Pages are keyset-paged: pass the `next` cursor of the previous
// page to get the following one; each page is one index range scan, however deep.
struct DocumentQuery
{
    DocumentKind kind = DocumentKind::Invoice;
    std::optional<DocumentStatus> status;
    bool openOnly = false; // issued, partially paid (balance > 0)
    bool overdueOnly = false; // open and past the due date
    QString customerId;
    QString referenceId; // e.g. the credit notes of one invoice
    QDate from;
    QDate to;
    QString search; // number prefix or customer name prefix, case-insensitive
    DocumentSort sort = DocumentSort::IssueDate;
    bool descending = true;
    int limit = 50;
    QString after; // opaque cursor from the previous page
};

// Sums over every row a DocumentQuery matches (not just a page), in one currency.
struct DocumentListTotals
{
    qint64 count = 0;
    qint64 netMinor = 0;
    qint64 vatMinor = 0;
    qint64 totalMinor = 0;
    qint64 balanceMinor = 0;
};

template<typename T> struct Page
{
    QList<T> items;
    QString next; // empty when there are no more rows
};

struct CustomerQuery
{
    QString search; // name prefix, case-insensitive
    bool includeArchived = false;
    int limit = 50;
    QString after;
};

struct ProductQuery
{
    QString search;
    bool includeArchived = false;
    int limit = 50;
    QString after;
};

struct ExpenseQuery
{
    QDate from;
    QDate to;
    QString category;
    int limit = 50;
    QString after;
};

struct PaymentQuery
{
    std::optional<PaymentTarget> target;
    QDate from;
    QDate to;
    int limit = 50;
    QString after;
};

// One row of the payments list, with what it paid.
struct PaymentSummary
{
    Payment payment;
    QString targetLabel; // invoice number or expense supplier
    QString partyName; // customer of the invoice; empty for expenses
};

// Figures for the dashboard, in one currency, computed by SQL over indexes.
struct MonthlyFigures
{
    qint64 revenueMinor[12] = {}; // net of issued invoices minus credit notes, by issue month
    qint64 expensesMinor[12] = {}; // net of expenses, by expense date
};

struct CustomerRevenue
{
    QString customerId;
    QString name;
    qint64 revenueMinor = 0;
};

struct IssueOptions
{
    QString seriesId; // empty: the first series of the document's kind held here
    QDate issueDate; // empty: keep the draft's date, or today if it has none
    std::optional<qint64> expectedSequence; // when given, must equal the series' next number
};

struct CreditNoteRequest
{
    QString invoiceId;
    // Empty: credit the whole remaining amount of every line. Otherwise the lines to credit, as
    // positive quantities and prices.
    QList<DocumentLine> lines;
    QString reason;
    QDate issueDate;
};

class Ledger
{
public:
    explicit Ledger(Store &store);

    Store &store() { return m_store; }
    QString deviceId() const { return m_store.deviceId(); }

    // Sets up a new ledger: company profile, a standard tax rate set for the company's country
    // (at least one rate) and one invoice and one credit-note series held by this device.
    Status initialize(const CompanyProfile &company, const QString &seriesPrefix);
    bool isInitialized() const;

    Result<CompanyProfile> company() const;
    Status setCompany(const CompanyProfile &company);

    Result<TaxRate> addTaxRate(TaxRate rate);
    Status updateTaxRate(const TaxRate &rate);
    Result<QList<TaxRate>> taxRates(bool includeArchived = false) const;
    std::optional<TaxRate> taxRate(const QString &id) const;

    Result<NumberSeries> addSeries(NumberSeries series);
    Result<QList<NumberSeries>> seriesList() const;
    Result<NumberSeries> series(const QString &id) const;

    Result<Customer> addCustomer(Customer customer);
    Status updateCustomer(const Customer &customer);
    Status deleteCustomer(const QString &id); // only without documents; otherwise archive it
    Result<Customer> customer(const QString &id) const;
    Result<Page<Customer>> customers(const CustomerQuery &query) const;

    Result<Product> addProduct(Product product);
    Status updateProduct(const Product &product);
    Result<Product> product(const QString &id) const;
    Result<Page<Product>> products(const ProductQuery &query) const;

    // Drafts: invoices and quotes. The returned document carries computed totals.
    Result<Document> createDraft(Document draft);
    Result<Document> updateDraft(Document draft);
    Status deleteDraft(const QString &id);
    Result<Document> issue(const QString &id, const IssueOptions &options = {});
    // Creates and issues a document in one step: the same document, numbers, checks and errors
    // as createDraft() followed by issue(), written once. The outbox gets one "issue" entry with
    // the full snapshot (what issue() records) instead of a "create" and an "issue"; the audit
    // chain gets the same entry as issue() gives. Nothing is written when it fails.
    Result<Document> issueNew(Document document, const IssueOptions &options = {});
    // Creates and issues several documents in one transaction, in order: for each the same
    // checks, numbers, rows, outbox and audit entries as issueNew(), with the rows written in
    // batches (an import, a day's invoices made elsewhere). Numbers follow each other in each
    // series; options.expectedSequence, when given, is the first document's number. All or
    // nothing: the first document refused stops the batch, its error's field starts with
    // "documents[i]." (its position), and nothing is written.
    Result<QList<Document>> issueMany(QList<Document> documents, const IssueOptions &options = {});
    // The number a draft would take if issued now in `seriesId` (empty: default series).
    Result<QString> previewNumber(DocumentKind kind, const QString &seriesId = {}) const;
    Result<Document> createCreditNote(const CreditNoteRequest &request);
    Result<Document> convertQuote(const QString &quoteId);
    Result<Document> duplicateAsDraft(const QString &id);

    Result<Document> document(const QString &id) const;
    Result<Document> documentByNumber(const QString &number) const;
    Result<Page<DocumentSummary>> documents(const DocumentQuery &query) const;
    // Totals of everything the query matches (sort, limit and cursor ignored), per currency.
    Result<QHash<QString, DocumentListTotals>> documentTotals(const DocumentQuery &query) const;
    // Sum of open balances of issued invoices (per currency), from the ledger, not from a page.
    Result<QHash<QString, qint64>> outstandingTotals(bool overdueOnly = false) const;

    Result<Payment> recordPayment(Payment payment);
    Result<QList<Payment>> payments(const QString &targetId) const;
    Result<Page<PaymentSummary>> paymentList(const PaymentQuery &query) const;

    // Reports for the dashboard: net amounts in `currency` for one calendar year.
    Result<MonthlyFigures> monthlyFigures(int year, const QString &currency) const;
    Result<QList<CustomerRevenue>> topCustomers(int year, const QString &currency, int count) const;

    Result<Expense> addExpense(Expense expense);
    Status updateExpense(const Expense &expense);
    Status deleteExpense(const QString &id);
    Result<ReceiptFile> attachReceipt(const QString &expenseId, const QString &fileName,
                                      const QString &mimeType, const QByteArray &data);
    Result<ReceiptFile> receipt(const QString &receiptId) const;
    Result<Expense> expense(const QString &id) const;
    Result<Page<Expense>> expenses(const ExpenseQuery &query) const;

    AuditChain &auditChain() { return m_audit; }
    Result<AuditReport> verify() const { return m_audit.verify(*this); }

private:
    friend class Replica; // applies other devices' changes through the same writers
    TaxRateLookup taxRateLookup() const;
    Result<Document> loadDocument(const QString &sql, const QString &key) const;
    Status writeDocument(const Document &doc, bool insert);
    Status writeLines(const Document &doc);
    Status insertLines(const Document &doc);
    // The customer as drafts and issues need it, with its search key. Served from a cache while
    // the row still carries the updated_hlc it was read with (checked with one narrow query),
    // so a change made anywhere, a rolled-back one included, is never missed.
    struct CachedCustomer
    {
        Customer customer;
        QString key; // searchKey(name)
        QString updatedHlc;
    };
    Result<CachedCustomer> cachedCustomer(const QString &id) const;
    // Issuing, shared by issue() and issueNew(). The series a document of `kind` takes its
    // number from: options.seriesId, or the kind's default series held here.
    Result<NumberSeries> issueSeries(DocumentKind kind, const IssueOptions &options) const;
    // The checks and derived fields of a document about to be issued: issue date, validation
    // and totals, the customer (read into `customer` unless `customerKnown`), due date, and for
    // a credit note its invoice (into `invoice`) and what is left to credit on it.
    Status checkIssuable(Document &d, const IssueOptions &options, CachedCustomer *customer,
                         bool customerKnown, Document *invoice) const;
    Status refreshStatus(const QString &documentId);
    // A document checked, numbered and encoded (its canonical snapshot, customer snapshot and
    // VAT breakdown), ready to be written as issued.
    struct IssuedRow
    {
        Document *doc;
        QString customerKey; // searchKey(customer name)
        QByteArray snapshot, customerJson, breakdownJson;
    };
    // Writes issued documents in a few statements: the rows, their lines, the status, the audit
    // entries and (unless the store is not recording) the outbox entries. Sets createdAt and
    // updatedAt. Series and credited invoices are the caller's.
    Status writeIssued(const QList<IssuedRow> &rows);
    void appendDocumentFilters(const DocumentQuery &query, QString &sql, QVariantList &binds) const;
    Result<QString> defaultSeries(DocumentKind kind) const;
    void invalidateTaxRates() const { m_taxRatesLoaded = false; }

    Store &m_store;
    AuditChain m_audit;
    mutable QHash<QString, TaxRate> m_taxRates;
    mutable bool m_taxRatesLoaded = false;
    mutable QHash<QString, CachedCustomer> m_customers;
};

} // namespace Kontor
