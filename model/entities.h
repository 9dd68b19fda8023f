// Value types of the ledger: plain structs that the store reads and writes and the rules check.
// Amounts are minor units (qint64), quantities and prices fixed-point (see money.h).
#pragma once

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace Kontor {

// EN 16931 VAT category codes (UNTDID 5305 subset used by the standard).
enum class TaxCategory {
    Standard,
    Zero,
    Exempt,
    ReverseCharge,
    IntraCommunity,
    Export,
    OutOfScope
};
QString taxCategoryCode(TaxCategory c); // "S", "Z", "E", "AE", "K", "G", "O"
std::optional<TaxCategory> taxCategoryFromCode(QStringView code);

struct PostalAddress
{
    QString street;
    QString additional;
    QString postalCode;
    QString city;
    QString region;
    QString country; // ISO 3166-1 alpha-2
    bool operator==(const PostalAddress &) const = default;
};

struct CompanyProfile
{
    QString name;
    PostalAddress address;
    QString vatId;
    QString taxId;
    QString email;
    QString phone;
    QString currency = QStringLiteral("EUR");
    QString iban;
    QString bic;
    QString bankName;
    int paymentTermsDays = 30;
    QByteArray logo; // PNG/JPEG/SVG bytes, may be empty
    QString logoMime;
    bool operator==(const CompanyProfile &) const = default;
};

struct TaxRate
{
    QString id;
    QString name;
    int rateBp = 0; // basis points: 2200 = 22 %
    TaxCategory category = TaxCategory::Standard;
    QString exemptionReason; // BT-120, required for E, AE, K, G, O
    QString exemptionReasonCode; // BT-121 (VATEX code), optional
    bool archived = false;
    bool operator==(const TaxRate &) const = default;
};

struct Customer
{
    QString id;
    QString name;
    QString email;
    QString vatId;
    QString taxId;
    PostalAddress billingAddress;
    PostalAddress shippingAddress;
    int paymentTermsDays = -1; // -1: use the company's default
    QString currency; // empty: the company's default
    QString notes;
    bool archived = false;
    bool operator==(const Customer &) const = default;
};

struct Product
{
    QString id;
    QString name;
    QString description;
    QString unit = QStringLiteral("C62"); // UN/ECE Recommendation 20 code; C62 = one (unit)
    qint64 unitPrice = 0; // minor units x PriceExtraScale
    QString currency; // empty: the company's default
    QString taxRateId;
    bool archived = false;
    bool operator==(const Product &) const = default;
};

enum class DocumentKind { Invoice, CreditNote, Quote };
QString documentKindName(DocumentKind k); // "invoice", "credit_note", "quote"
std::optional<DocumentKind> documentKindFromName(QStringView name);

struct NumberSeries
{
    QString id;
    QString name; // shown to the user, e.g. "Laptop invoices 2026"
    QString prefix; // e.g. "2026-L-"
    int width = 4; // zero padding of the number
    qint64 nextNumber = 1;
    DocumentKind kind = DocumentKind::Invoice;
    QString holderDeviceId; // the device holding the lease; only it may issue in this series
    bool operator==(const NumberSeries &) const = default;
    QString format(qint64 n) const;
};

enum class DocumentStatus { Draft, Issued, PartiallyPaid, Paid, Credited, Converted };
QString documentStatusName(DocumentStatus s);
std::optional<DocumentStatus> documentStatusFromName(QStringView name);

struct DocumentLine
{
    QString id;
    QString productId; // optional
    QString description;
    qint64 quantity = 0; // x QuantityScale
    QString unit = QStringLiteral("C62");
    qint64 unitPrice = 0; // minor units x PriceExtraScale
    int discountBp = 0;
    QString taxRateId;
    // Copied from the tax rate when the line is computed, frozen on issue.
    TaxCategory taxCategory = TaxCategory::Standard;
    int taxRateBp = 0;
    QString exemptionReason;
    QString exemptionReasonCode;
    // Computed.
    qint64 grossMinor = 0;
    qint64 allowanceMinor = 0;
    qint64 netMinor = 0;
    bool operator==(const DocumentLine &) const = default;
};

struct VatBreakdown
{
    TaxCategory category = TaxCategory::Standard;
    int rateBp = 0;
    qint64 taxableMinor = 0; // BT-116
    qint64 vatMinor = 0; // BT-117
    QString exemptionReason;
    QString exemptionReasonCode;
    bool operator==(const VatBreakdown &) const = default;
};

// Document totals, named after EN 16931 business terms.
struct DocumentTotals
{
    qint64 lineNetSum = 0; // BT-106
    qint64 allowances = 0; // BT-107
    qint64 charges = 0; // BT-108
    qint64 taxExclusive = 0; // BT-109
    qint64 vatTotal = 0; // BT-110
    qint64 taxInclusive = 0; // BT-112
    qint64 prepaid = 0; // BT-113
    qint64 rounding = 0; // BT-114
    qint64 payable = 0; // BT-115
    QList<VatBreakdown> breakdown; // BG-23
    bool operator==(const DocumentTotals &) const = default;
};

struct Document
{
    QString id;
    DocumentKind kind = DocumentKind::Invoice;
    DocumentStatus status = DocumentStatus::Draft;
    QString seriesId;
    QString number; // empty until issued
    qint64 sequence = 0; // position in the series, 0 until issued
    QString customerId;
    QString customerName;
    // The buyer as they were when the document was issued (name, addresses, VAT id); frozen with
    // the document, so a later edit of the customer never changes an issued invoice.
    Customer customerSnapshot;
    QDate issueDate;
    QDate dueDate;
    QString currency;
    QString notes;
    QString paymentTerms; // free text shown on the document
    QString referenceId; // credit note: the invoice it corrects; invoice: the quote it came from
    QString buyerReference;
    QList<DocumentLine> lines;
    DocumentTotals totals;
    qint64 paidMinor = 0;
    qint64 creditedMinor = 0;
    QString createdAt; // HLC stamps as text
    QString updatedAt;
    QString issuedByDevice;

    qint64 balanceMinor() const { return totals.payable - paidMinor - creditedMinor; }
    bool isIssued() const { return status != DocumentStatus::Draft && kind != DocumentKind::Quote; }
    bool isOverdue(const QDate &today) const
    {
        return kind == DocumentKind::Invoice && isIssued() && balanceMinor() > 0
            && dueDate.isValid() && dueDate < today;
    }
};

struct ReceiptFile
{
    QString id;
    QString fileName;
    QString mimeType;
    QByteArray data;
    QString sha256; // hex
};

struct Expense
{
    QString id;
    QString supplier;
    QString supplierVatId;
    QDate date;
    QString category;
    QString currency;
    qint64 netMinor = 0;
    qint64 vatMinor = 0;
    qint64 totalMinor = 0;
    qint64 paidMinor = 0;
    QString notes;
    QList<ReceiptFile> receipts; // list reads fill only id, fileName, mimeType, sha256
};

enum class PaymentTarget { Invoice, Expense };

struct Payment
{
    QString id;
    PaymentTarget target = PaymentTarget::Invoice;
    QString targetId;
    QDate date;
    qint64 amountMinor = 0;
    QString currency;
    QString method; // "bank transfer", "card", "cash", ...
    QString reference; // bank reference, cheque number, ...
    bool overpayment = false;
};

} // namespace Kontor
