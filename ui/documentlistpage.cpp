#include "documentlistpage.h"

#include "customerfilteredit.h"
#include "daterangefilter.h"
#include "documentlistmodel.h"
#include "listtableview.h"
#include "moneyformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {

// Keys of the status combo's entries.
const QString kAll = u"all"_s;
const QString kOpen = u"open"_s;

QStringList sortedCurrencies(const QStringList &codes, const QString &first)
{
    QStringList out = codes;
    std::sort(out.begin(), out.end(), [&first](const QString &a, const QString &b) {
        if ((a == first) != (b == first))
            return a == first;
        return a < b;
    });
    return out;
}

} // namespace

DocumentListPage::DocumentListPage(UiContext &ctx, DocumentKind kind, QWidget *parent)
    : ListPage(ctx, parent), m_kind(kind)
{
    setObjectName(u"documentListPage_%1"_s.arg(documentKindName(kind)));
    m_model = new DocumentListModel(ctx, kind, this);

    m_search = addSearchField(tr("&Search:"), tr("Number or customer name"), searchAccessibleName(),
                              [this](const QString &text) { m_model->setSearchText(text); });
    m_search->setObjectName(u"searchField"_s);
    m_search->setToolTip(tr("Finds documents whose number or customer name starts with the text"));

    if (kind != DocumentKind::CreditNote) {
        const QString text = kind == DocumentKind::Quote ? tr("&New quote") : tr("&New invoice");
        m_new = addButton(text, u"new-document"_s, u"document-new"_s,
                          kind == DocumentKind::Quote ? tr("New quote") : tr("New invoice"));
        m_new->setObjectName(u"newButton"_s);
        topBar()->addWidget(m_new);
        connect(m_new, &QPushButton::clicked, this, [this] {
            if (m_ctx.navigator)
                m_ctx.navigator->newDocument(m_kind, m_customer->customerId());
        });
    }

    auto *statusLabel = new QLabel(tr("Stat&us:"), this);
    m_status = new QComboBox(this);
    m_status->setObjectName(u"statusCombo"_s);
    m_status->setAccessibleName(tr("Status filter"));
    statusLabel->setBuddy(m_status);
    fillStatusCombo();
    connect(m_status, &QComboBox::currentIndexChanged, this, &DocumentListPage::applyStatus);

    auto *customerLabel = new QLabel(tr("&Customer:"), this);
    m_customer = new CustomerFilterEdit(ctx, this);
    m_customer->setObjectName(u"customerField"_s);
    customerLabel->setBuddy(m_customer);
    connect(m_customer, &CustomerFilterEdit::customerChanged, m_model,
            &DocumentListModel::setCustomerFilter);

    m_dates = new DateRangeFilter(this);
    m_dates->setObjectName(u"dateRange"_s);
    connect(m_dates, &DateRangeFilter::rangeChanged, m_model, &DocumentListModel::setDateRange);

    filterBar()->addWidget(statusLabel);
    filterBar()->addWidget(m_status);
    filterBar()->addWidget(customerLabel);
    filterBar()->addWidget(m_customer, 1);
    filterBar()->addWidget(m_dates);
    if (kind == DocumentKind::Invoice) {
        m_overdue = new QCheckBox(tr("Over&due only"), this);
        m_overdue->setObjectName(u"overdueCheck"_s);
        m_overdue->setAccessibleName(tr("Show only overdue invoices"));
        m_overdue->setToolTip(tr("Open invoices past their due date"));
        filterBar()->addWidget(m_overdue);
        connect(m_overdue, &QCheckBox::toggled, m_model, &DocumentListModel::setOverdueOnly);
    }
    m_clear = addButton(tr("C&lear filters"), u"filter"_s, u"edit-clear"_s, tr("Clear filters"));
    m_clear->setObjectName(u"clearFiltersButton"_s);
    filterBar()->addWidget(m_clear);
    connect(m_clear, &QPushButton::clicked, this, &DocumentListPage::clearFilters);

    view()->setAccessibleName(kindPlural());
    setListModel(m_model);
    // Show the model's order on the header, then let clicks re-sort through the ledger.
    QHeaderView *header = view()->horizontalHeader();
    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    view()->setSortingEnabled(true);
    header->setSectionResizeMode(DocumentListModel::CustomerColumn, QHeaderView::Stretch);
    header->setStretchLastSection(false);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this, header](int column) {
        // The ledger cannot order by this column: put the indicator back on the real order.
        if (!DocumentListModel::isSortable(column)) {
            const QSignalBlocker block(header);
            header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
        }
    });

    if (kind == DocumentKind::Invoice) {
        m_outstanding = new QLabel(this);
        m_outstanding->setObjectName(u"outstandingLabel"_s);
        m_outstanding->setAccessibleName(tr("Outstanding receivables"));
        m_outstanding->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout()->addWidget(m_outstanding);
        connect(&ctx.events, &LedgerEvents::changed, this, [this](const QString &entity) {
            static const QStringList relevant {u"invoice"_s, u"credit_note"_s, u"payment"_s};
            if (!relevant.contains(entity))
                return;
            m_outstandingStale = true;
            // Shown: the repaint schedules the sum. Hidden: the next show does.
            update();
        });
    }

    setTabOrder(m_search, m_new ? static_cast<QWidget *>(m_new) : m_status);
    if (m_new)
        setTabOrder(m_new, m_status);
    setTabOrder(m_status, m_customer);
    setTabOrder(m_customer, m_dates->fromEdit());
    setTabOrder(m_dates->fromEdit(), m_dates->toEdit());
    QWidget *last = m_dates->toEdit();
    if (m_overdue) {
        setTabOrder(last, m_overdue);
        last = m_overdue;
    }
    setTabOrder(last, m_clear);
    setTabOrder(m_clear, view());
    setInitialFocus(m_search);
}

QString DocumentListPage::searchAccessibleName() const
{
    switch (m_kind) {
    case DocumentKind::Invoice:
        return tr("Search invoices");
    case DocumentKind::Quote:
        return tr("Search quotes");
    case DocumentKind::CreditNote:
        return tr("Search credit notes");
    }
    return {};
}

QString DocumentListPage::kindPlural() const
{
    switch (m_kind) {
    case DocumentKind::Invoice:
        return tr("Invoices");
    case DocumentKind::Quote:
        return tr("Quotes");
    case DocumentKind::CreditNote:
        return tr("Credit notes");
    }
    return {};
}

void DocumentListPage::fillStatusCombo()
{
    m_status->addItem(tr("All"), kAll);
    switch (m_kind) {
    case DocumentKind::Invoice:
        m_status->addItem(tr("Open (unpaid or partially paid)"), kOpen);
        m_status->addItem(tr("Draft"), documentStatusName(DocumentStatus::Draft));
        m_status->addItem(tr("Unpaid"), documentStatusName(DocumentStatus::Issued));
        m_status->addItem(tr("Partially paid"), documentStatusName(DocumentStatus::PartiallyPaid));
        m_status->addItem(tr("Paid"), documentStatusName(DocumentStatus::Paid));
        m_status->addItem(tr("Credited"), documentStatusName(DocumentStatus::Credited));
        break;
    case DocumentKind::CreditNote:
        m_status->addItem(tr("Draft"), documentStatusName(DocumentStatus::Draft));
        m_status->addItem(tr("Issued"), documentStatusName(DocumentStatus::Issued));
        break;
    case DocumentKind::Quote:
        m_status->addItem(tr("Open"), documentStatusName(DocumentStatus::Draft));
        m_status->addItem(tr("Converted"), documentStatusName(DocumentStatus::Converted));
        break;
    }
}

void DocumentListPage::applyStatus()
{
    const QString key = m_status->currentData().toString();
    if (key == kAll || key == kOpen)
        m_model->setStatusFilter(std::nullopt, key == kOpen);
    else
        m_model->setStatusFilter(documentStatusFromName(key));
}

void DocumentListPage::setSearchText(const QString &text)
{
    m_search->setText(text);
    m_model->setSearchText(text);
}

void DocumentListPage::clearFilters()
{
    m_search->clear();
    m_model->setSearchText({});
    m_status->setCurrentIndex(0);
    m_customer->setCustomerId({});
    m_dates->clear();
    if (m_overdue)
        m_overdue->setChecked(false);
}

void DocumentListPage::openIndex(const QModelIndex &index)
{
    const QString id = index.data(PagedListModel::IdRole).toString();
    if (!id.isEmpty() && m_ctx.navigator)
        m_ctx.navigator->openDocument(id);
}

QString DocumentListPage::footerText() const
{
    const int rows = m_model->rowCount();
    if (rows == 0) {
        if (!m_model->errorText().isEmpty())
            return {};
        switch (m_kind) {
        case DocumentKind::Invoice:
            return tr("No invoices to show.");
        case DocumentKind::Quote:
            return tr("No quotes to show.");
        case DocumentKind::CreditNote:
            return tr("No credit notes to show.");
        }
    }
    const auto totals = m_model->filterTotals();
    const auto company = m_ctx.ledger.company();
    QStringList lines;
    // Worded without plural forms, so every count reads right in every language.
    qint64 matching = 0;
    for (const auto &t : totals)
        matching += t.rows;
    const QString count = QLocale().toString(rows);
    lines << (m_model->hasMore() ? tr("Matching rows: %1 (%2 loaded; more load as you scroll)")
                                       .arg(QLocale().toString(matching), count)
                                 : tr("Rows shown: %1").arg(count));
    for (const QString &currency :
         sortedCurrencies(totals.keys(), company ? company->currency : QString())) {
        const DocumentListModel::Totals &t = totals.value(currency);
        lines << tr("Net %1 · VAT %2 · Total %3 · Balance %4")
                     .arg(Ui::formatMoney(t.netMinor, currency),
                          Ui::formatMoney(t.vatMinor, currency),
                          Ui::formatMoney(t.totalMinor, currency),
                          Ui::formatMoney(t.balanceMinor, currency));
    }
    return lines.join(u'\n');
}

void DocumentListPage::paintEvent(QPaintEvent *event)
{
    ListPage::paintEvent(event);
    if (!m_outstanding || !m_outstandingStale || m_outstandingScheduled)
        return;
    // After this paint: the rows are on screen before the ledger is summed.
    m_outstandingScheduled = true;
    QTimer::singleShot(0, this, &DocumentListPage::updateOutstanding);
}

void DocumentListPage::updateOutstanding()
{
    m_outstandingScheduled = false;
    m_outstandingStale = false;
    if (!m_outstanding)
        return;
    const auto open = m_ctx.ledger.outstandingTotals(false);
    const auto overdue = m_ctx.ledger.outstandingTotals(true);
    if (!open || !overdue) {
        m_outstanding->setText(tr("Outstanding amounts could not be read: %1")
                                   .arg(!open ? open.error().message : overdue.error().message));
        return;
    }
    if (open->isEmpty()) {
        m_outstanding->setText(tr("No invoice is waiting for payment."));
        return;
    }
    const auto company = m_ctx.ledger.company();
    QStringList parts;
    for (const QString &currency :
         sortedCurrencies(open->keys(), company ? company->currency : QString()))
        parts << tr("%1 outstanding, of which %2 overdue")
                     .arg(Ui::formatMoney(open->value(currency), currency),
                          Ui::formatMoney(overdue->value(currency), currency));
    m_outstanding->setText(tr("All invoices: %1").arg(parts.join(u"; "_s)));
}

} // namespace Kontor
