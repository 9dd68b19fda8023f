#include "recordpicker.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCompleter>
#include <QKeyEvent>
#include <QStandardItemModel>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace Kontor::Ui {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
}

RecordPicker::RecordPicker(QWidget *parent)
    : QLineEdit(parent), m_completer(new QCompleter(this)), m_matches(new QStandardItemModel(this))
{
    // The ledger already filtered the records; the completer only shows them.
    m_completer->setModel(m_matches);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setWidget(this);
    m_completer->setMaxVisibleItems(12);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &index) {
                pick(index.data(IdRole).toString(), index.data(Qt::DisplayRole).toString(), true);
            });
    connect(this, &QLineEdit::textEdited, this, [this](const QString &text) {
        search(text);
        if (m_matches->rowCount() > 0)
            m_completer->complete();
        else
            m_completer->popup()->hide();
    });

    // The arrow of a combo box: "there is a list here".
    QAction *more
        = addAction(style()->standardIcon(QStyle::SP_ArrowDown), QLineEdit::TrailingPosition);
    more->setToolTip(tr("Show matches (Alt+Down)"));
    connect(more, &QAction::triggered, this, &RecordPicker::showMatches);
    setClearButtonEnabled(false);
}

void RecordPicker::setSearch(Search search)
{
    m_search = std::move(search);
}

void RecordPicker::setCurrent(const QString &id, const QString &text)
{
    m_id = id;
    m_pickedText = text;
    setText(text);
}

QString RecordPicker::currentId() const
{
    return !m_id.isEmpty() && text() == m_pickedText ? m_id : QString();
}

QString RecordPicker::resolve()
{
    if (const QString id = currentId(); !id.isEmpty())
        return id;
    const QString typed = text().trimmed();
    if (typed.isEmpty() || !m_search)
        return {};
    const QList<Item> items = m_search(typed);
    for (const Item &item : items) {
        if (item.text.compare(typed, Qt::CaseInsensitive) == 0) {
            pick(item.id, item.text);
            return item.id;
        }
    }
    if (items.size() == 1) {
        pick(items.first().id, items.first().text);
        return items.first().id;
    }
    return {};
}

void RecordPicker::showMatches()
{
    search(currentId().isEmpty() ? text() : QString());
    if (m_matches->rowCount() > 0) {
        m_completer->setCompletionPrefix(QString());
        m_completer->complete();
    }
}

void RecordPicker::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Down && event->modifiers() == Qt::AltModifier)
        || (event->key() == Qt::Key_Down && !m_completer->popup()->isVisible()
            && event->modifiers() == Qt::NoModifier && !text().isEmpty()
            && currentId().isEmpty())) {
        showMatches();
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void RecordPicker::search(const QString &text)
{
    m_matches->clear();
    if (!m_search)
        return;
    for (const Item &item : m_search(text.trimmed())) {
        auto *row = new QStandardItem(item.text);
        row->setData(item.id, IdRole);
        row->setEditable(false);
        if (!item.detail.isEmpty())
            row->setToolTip(item.detail);
        m_matches->appendRow(row);
    }
}

void RecordPicker::pick(const QString &id, const QString &text, bool always)
{
    // Picking from the popup always counts, even the record already shown: a table cell commits
    // on it.
    const bool changed = always || id != m_id || text != m_pickedText;
    m_id = id;
    m_pickedText = text;
    if (this->text() != text)
        setText(text);
    if (changed)
        Q_EMIT picked(id);
}

} // namespace Kontor::Ui
