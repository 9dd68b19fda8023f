// The list of invoices, quotes or credit notes: a search field (number or customer name), filters
// for status, customer, date range and overdue invoices, a "New" button, the sortable table and a
// footer with the totals of the rows shown. Double-click or Enter opens a document through the
// navigator. The invoice list also shows what all invoices have outstanding and overdue; that sum
// reads every open invoice, so it is read after the list has been painted, not before.
#pragma once

#include "listpage.h"

class QCheckBox;
class QComboBox;

namespace Kontor {

class CustomerFilterEdit;
class DateRangeFilter;
class DocumentListModel;

class DocumentListPage : public ListPage
{
    Q_OBJECT
public:
    DocumentListPage(UiContext &ctx, DocumentKind kind, QWidget *parent = nullptr);

    DocumentKind kind() const { return m_kind; }
    // Shows the documents matching `text` (a number or the start of a customer's name) at once,
    // as the main window's global search does.
    void setSearchText(const QString &text);
    // Back to every document of the kind.
    void clearFilters();

    DocumentListModel *model() const { return m_model; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *statusCombo() const { return m_status; }
    CustomerFilterEdit *customerField() const { return m_customer; }
    DateRangeFilter *dateRange() const { return m_dates; }
    QCheckBox *overdueCheck() const { return m_overdue; } // null except for invoices
    QPushButton *newButton() const { return m_new; } // null for credit notes
    QLabel *outstandingLabel() const { return m_outstanding; } // null except for invoices

protected:
    void paintEvent(QPaintEvent *event) override;
    void openIndex(const QModelIndex &index) override;
    QString footerText() const override;

private:
    void fillStatusCombo();
    void applyStatus();
    void updateOutstanding();
    QString kindPlural() const;
    QString searchAccessibleName() const;

    DocumentKind m_kind;
    DocumentListModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_status = nullptr;
    CustomerFilterEdit *m_customer = nullptr;
    DateRangeFilter *m_dates = nullptr;
    QCheckBox *m_overdue = nullptr;
    QPushButton *m_clear = nullptr;
    QPushButton *m_new = nullptr;
    QLabel *m_outstanding = nullptr;
    bool m_outstandingScheduled = false;
    bool m_outstandingStale = true;
};

} // namespace Kontor
