#include "paymentlistpage.h"

#include "daterangefilter.h"
#include "listtableview.h"
#include "moneyformat.h"
#include "paymentlistmodel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Kontor {

PaymentListPage::PaymentListPage(UiContext &ctx, QWidget *parent) : ListPage(ctx, parent)
{
    setObjectName(u"paymentListPage"_s);
    m_model = new PaymentListModel(ctx, this);

    auto *directionLabel = new QLabel(tr("&Show:"), this);
    m_direction = new QComboBox(this);
    m_direction->setObjectName(u"directionCombo"_s);
    m_direction->setAccessibleName(tr("Payment direction filter"));
    m_direction->addItem(tr("All payments"), -1);
    m_direction->addItem(tr("Received for invoices"), int(PaymentTarget::Invoice));
    m_direction->addItem(tr("Paid out for expenses"), int(PaymentTarget::Expense));
    directionLabel->setBuddy(m_direction);
    connect(m_direction, &QComboBox::currentIndexChanged, this, [this] {
        const int v = m_direction->currentData().toInt();
        m_model->setTargetFilter(v < 0 ? std::nullopt
                                       : std::optional<PaymentTarget>(PaymentTarget(v)));
    });
    m_dates = new DateRangeFilter(this);
    m_dates->setObjectName(u"dateRange"_s);
    connect(m_dates, &DateRangeFilter::rangeChanged, m_model, &PaymentListModel::setDateRange);
    filterBar()->addWidget(directionLabel);
    filterBar()->addWidget(m_direction);
    filterBar()->addWidget(m_dates);
    filterBar()->addStretch(1);

    view()->setAccessibleName(tr("Payments"));
    setListModel(m_model);
    QHeaderView *header = view()->horizontalHeader();
    header->setSortIndicatorShown(true);
    header->setSortIndicator(PaymentListModel::DateColumn, Qt::DescendingOrder);
    header->setSectionsClickable(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(PaymentListModel::PartyColumn, QHeaderView::Stretch);

    setTabOrder(m_direction, m_dates->fromEdit());
    setTabOrder(m_dates->fromEdit(), m_dates->toEdit());
    setTabOrder(m_dates->toEdit(), view());
    setInitialFocus(m_direction);
}

void PaymentListPage::openIndex(const QModelIndex &index)
{
    if (!index.isValid() || !m_ctx.navigator)
        return;
    const PaymentSummary &s = m_model->rowAt(index.row());
    if (s.payment.targetId.isEmpty())
        return;
    if (s.payment.target == PaymentTarget::Invoice)
        m_ctx.navigator->openDocument(s.payment.targetId);
    else
        m_ctx.navigator->openExpense(s.payment.targetId);
}

QString PaymentListPage::footerText() const
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return m_model->errorText().isEmpty() ? tr("No payments to show.") : QString();
    QStringList lines;
    // Worded without plural forms, so every count reads right in every language.
    const QString count = QLocale().toString(rows);
    lines << (m_model->hasMore()
                  ? tr("Totals of the first %1 payments; more load as you scroll.").arg(count)
                  : tr("Payments shown: %1").arg(count));
    const auto totals = m_model->loadedTotals();
    QStringList currencies = totals.keys();
    currencies.sort();
    for (const QString &currency : currencies) {
        const PaymentListModel::Totals &t = totals.value(currency);
        lines << tr("Received %1 · Paid out %2")
                     .arg(Ui::formatMoney(t.receivedMinor, currency),
                          Ui::formatMoney(t.paidOutMinor, currency));
    }
    return lines.join(u'\n');
}

} // namespace Kontor
