// What the list pages share: a filter bar on top, the table, a footer with totals and a line for
// errors from the ledger. Subclasses fill the filter bar, set their model and say what opening a
// row does; this class wires double-click and Enter to open(), keeps the footer current and
// debounces typing in search fields.
#pragma once

#include "uicontext.h"

#include <QWidget>

#include <functional>

class QBoxLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace Kontor {

class ListTableView;
class PagedListModel;

class ListPage : public QWidget
{
    Q_OBJECT
public:
    explicit ListPage(UiContext &ctx, QWidget *parent = nullptr);

    ListTableView *view() const { return m_view; }
    QLabel *totalsLabel() const { return m_totals; }
    QLabel *errorLabel() const { return m_error; }
    // Opens the current row, as Enter does.
    void openCurrent();

protected:
    // The rows of the bar above the table: search and buttons first, filters second.
    QHBoxLayout *topBar() const { return m_topBar; }
    QHBoxLayout *filterBar() const { return m_filterBar; }
    // Takes the model (parented to the page) and shows it in the table.
    void setListModel(PagedListModel *model);
    // The control that takes the focus when the page is focused (shown by the main window).
    // Not a focus proxy: a page with a focus proxy becomes a stop in the Tab chain that jumps
    // back to that control, so Tab would never reach the table.
    void setInitialFocus(QWidget *widget) { m_initialFocus = widget; }
    void focusInEvent(QFocusEvent *event) override;
    // Called for double-click and Enter on a row.
    virtual void openIndex(const QModelIndex &index) = 0;
    // The footer's text for the loaded rows; called after every page and reload.
    virtual QString footerText() const = 0;
    void updateFooter();

    // A search field whose text reaches `apply` after a short pause in typing, so the ledger is
    // queried once per word and not once per key.
    QLineEdit *addSearchField(const QString &label, const QString &placeholder,
                              const QString &accessibleName,
                              std::function<void(const QString &)> apply);
    QPushButton *addButton(const QString &text, const QString &iconName, const QString &themeIcon,
                           const QString &accessibleName);

    UiContext &m_ctx;

private:
    void showError(const QString &text);

    QHBoxLayout *m_topBar = nullptr;
    QHBoxLayout *m_filterBar = nullptr;
    ListTableView *m_view = nullptr;
    QLabel *m_totals = nullptr;
    QLabel *m_error = nullptr;
    PagedListModel *m_model = nullptr;
    QWidget *m_initialFocus = nullptr;
    bool m_columnsSized = false;
};

} // namespace Kontor
