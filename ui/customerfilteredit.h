// A line edit that picks one customer for a list filter by typing: as the user types, a
// completer offers the first matching names from Ledger::customers() (a name-prefix query, so the
// customer book is never loaded whole). Choosing a name, or pressing Enter when the text names
// exactly one customer, sets the filter; clearing the text removes it.
#pragma once

#include "uicontext.h"

#include <QHash>
#include <QLineEdit>

class QCompleter;
class QStringListModel;

namespace Kontor {

class CustomerFilterEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit CustomerFilterEdit(UiContext &ctx, QWidget *parent = nullptr);

    QString customerId() const { return m_customerId; }
    // Sets the filter to a customer (empty: any customer) and shows their name.
    void setCustomerId(const QString &id);
    QCompleter *customerCompleter() const { return m_completer; }

Q_SIGNALS:
    void customerChanged(const QString &customerId);

private:
    void updateCompletions(const QString &text);
    void commitText();
    void choose(const QString &id, const QString &name);

    UiContext &m_ctx;
    QCompleter *m_completer = nullptr;
    QStringListModel *m_names = nullptr;
    QHash<QString, QString> m_idByName; // of the completions offered last
    QString m_customerId;
    QString m_customerName;
};

} // namespace Kontor
