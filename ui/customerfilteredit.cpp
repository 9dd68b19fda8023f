#include "customerfilteredit.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QStringListModel>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {
constexpr int Suggestions = 20;
} // namespace

CustomerFilterEdit::CustomerFilterEdit(UiContext &ctx, QWidget *parent)
    : QLineEdit(parent), m_ctx(ctx)
{
    setPlaceholderText(tr("Any customer"));
    setClearButtonEnabled(true);
    setAccessibleName(tr("Customer filter"));
    setToolTip(tr("Type the start of a customer's name and pick it from the list"));
    m_names = new QStringListModel(this);
    m_completer = new QCompleter(m_names, this);
    // The ledger already filtered by prefix; the completer only shows what it was given.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(10);
    m_completer->setWidget(this);
    connect(this, &QLineEdit::textEdited, this, &CustomerFilterEdit::updateCompletions);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &name) { choose(m_idByName.value(name), name); });
    connect(this, &QLineEdit::returnPressed, this, &CustomerFilterEdit::commitText);
    connect(this, &QLineEdit::editingFinished, this, &CustomerFilterEdit::commitText);
    connect(this, &QLineEdit::textChanged, this, [this](const QString &text) {
        // The clear button empties the field without textEdited.
        if (text.isEmpty() && !m_customerId.isEmpty())
            choose({}, {});
    });
}

void CustomerFilterEdit::setCustomerId(const QString &id)
{
    if (id.isEmpty()) {
        choose({}, {});
        return;
    }
    const auto c = m_ctx.ledger.customer(id);
    choose(c ? id : QString(), c ? c->name : QString());
}

void CustomerFilterEdit::updateCompletions(const QString &text)
{
    const QString term = text.trimmed();
    if (term.isEmpty()) {
        m_names->setStringList({});
        m_idByName.clear();
        return;
    }
    CustomerQuery q;
    q.search = term;
    q.limit = Suggestions;
    const auto page = m_ctx.ledger.customers(q);
    QStringList names;
    m_idByName.clear();
    if (page) {
        for (const Customer &c : page->items) {
            // Two customers with one name: the second is told apart by its VAT id or email.
            QString label = c.name;
            if (m_idByName.contains(label))
                label = tr("%1 (%2)").arg(c.name, c.vatId.isEmpty() ? c.email : c.vatId);
            m_idByName.insert(label, c.id);
            names.append(label);
        }
    }
    m_names->setStringList(names);
    if (names.isEmpty())
        m_completer->popup()->hide();
    else
        m_completer->complete();
}

void CustomerFilterEdit::commitText()
{
    const QString term = text().trimmed();
    if (term.isEmpty()) {
        choose({}, {});
        return;
    }
    if (!m_customerId.isEmpty() && term == m_customerName)
        return;
    // An exact name among the offered completions, or the only customer whose name starts so.
    for (auto it = m_idByName.cbegin(); it != m_idByName.cend(); ++it) {
        if (it.key().compare(term, Qt::CaseInsensitive) == 0) {
            choose(it.value(), it.key());
            return;
        }
    }
    CustomerQuery q;
    q.search = term;
    q.limit = 2;
    const auto page = m_ctx.ledger.customers(q);
    if (page && page->items.size() == 1) {
        choose(page->items.first().id, page->items.first().name);
        return;
    }
    // Nothing or several match: keep the previous choice and show it again.
    setText(m_customerName);
}

void CustomerFilterEdit::choose(const QString &id, const QString &name)
{
    m_completer->popup()->hide();
    if (text() != name)
        setText(name);
    m_customerName = name;
    if (id == m_customerId)
        return;
    m_customerId = id;
    Q_EMIT customerChanged(id);
}

} // namespace Kontor
