#include "listpage.h"

#include "icons.h"
#include "listcolors.h"
#include "listtableview.h"
#include "pagedlistmodel.h"

#include <QFocusEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {
constexpr int SearchDelayMs = 250;
} // namespace

ListPage::ListPage(UiContext &ctx, QWidget *parent) : QWidget(parent), m_ctx(ctx)
{
    auto *layout = new QVBoxLayout(this);
    m_topBar = new QHBoxLayout;
    m_filterBar = new QHBoxLayout;
    layout->addLayout(m_topBar);
    layout->addLayout(m_filterBar);
    m_view = new ListTableView(this);
    m_view->setObjectName(u"listView"_s);
    layout->addWidget(m_view, 1);
    m_error = new QLabel(this);
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    layout->addWidget(m_error);
    m_totals = new QLabel(this);
    m_totals->setObjectName(u"totalsLabel"_s);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_totals->setAccessibleName(tr("Totals"));
    layout->addWidget(m_totals);
    connect(m_view, &ListTableView::openRequested, this, &ListPage::openIndex);
}

void ListPage::setListModel(PagedListModel *model)
{
    m_model = model;
    model->setParent(this);
    m_view->setModel(model);
    connect(model, &PagedListModel::loadedRowsChanged, this, [this] {
        updateFooter();
        m_error->setVisible(!m_model->errorText().isEmpty());
        // Size the columns to the first rows once; measuring again on every page would cost
        // more the further the user scrolls.
        if (!m_columnsSized && m_model->rowCount() > 0) {
            m_columnsSized = true;
            m_view->resizeColumnsToContents();
        }
    });
    connect(model, &PagedListModel::errorOccurred, this, &ListPage::showError);
    if (!model->errorText().isEmpty())
        showError(model->errorText());
    if (model->rowCount() > 0) {
        m_columnsSized = true;
        m_view->resizeColumnsToContents();
    }
    updateFooter();
}

void ListPage::openCurrent()
{
    if (m_view->currentIndex().isValid())
        openIndex(m_view->currentIndex());
}

void ListPage::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    if (m_initialFocus)
        m_initialFocus->setFocus(event->reason());
}

void ListPage::updateFooter()
{
    m_totals->setText(footerText());
}

QLineEdit *ListPage::addSearchField(const QString &label, const QString &placeholder,
                                    const QString &accessibleName,
                                    std::function<void(const QString &)> apply)
{
    auto *caption = new QLabel(label, this);
    auto *edit = new QLineEdit(this);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    edit->setAccessibleName(accessibleName);
    edit->addAction(Ui::icon(u"search"_s, u"edit-find"_s), QLineEdit::LeadingPosition);
    caption->setBuddy(edit);
    auto *timer = new QTimer(edit);
    timer->setSingleShot(true);
    timer->setInterval(SearchDelayMs);
    connect(edit, &QLineEdit::textChanged, timer, qOverload<>(&QTimer::start));
    connect(timer, &QTimer::timeout, edit, [edit, apply] { apply(edit->text()); });
    // Enter applies at once.
    connect(edit, &QLineEdit::returnPressed, edit, [edit, timer, apply] {
        timer->stop();
        apply(edit->text());
    });
    m_topBar->addWidget(caption);
    m_topBar->addWidget(edit, 1);
    return edit;
}

QPushButton *ListPage::addButton(const QString &text, const QString &iconName,
                                 const QString &themeIcon, const QString &accessibleName)
{
    auto *button = new QPushButton(Ui::icon(iconName, themeIcon), text, this);
    button->setAccessibleName(accessibleName);
    button->setAutoDefault(false);
    return button;
}

void ListPage::showError(const QString &text)
{
    QPalette pal = m_error->palette();
    pal.setColor(QPalette::WindowText, Ui::negativeTextColor(palette()));
    m_error->setPalette(pal);
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

} // namespace Kontor
