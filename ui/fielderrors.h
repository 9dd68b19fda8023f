// Shows a model Error at the widget its field names. Every ledger operation answers a bad input
// with an Error whose `field` says where the problem is ("name", "vatId",
// "billingAddress.country", "lines[2].quantity"); a form binds those names to its widgets once
// and hands every error to show(). The widget is marked (a tint derived from its own palette, and
// for line edits a trailing warning icon), gets the sentence as tooltip and the focus, and the
// form's message label says which field is wrong and the rule in words. The mark goes away as
// soon as the user edits the widget.
//
//     FieldErrors errors(this);
//     errors.setMessageLabel(m_errorLabel);
//     errors.bind(u"vatId"_s, m_vatId, tr("VAT ID"));
//     errors.bindTable(u"lines"_s, m_table, {{u"quantity"_s, 2}, {u"unitPrice"_s, 4}}, 1);
//     if (auto saved = ledger.updateCustomer(c); !saved)
//         errors.show(saved.error());
//
// Table cells are marked through the model: a model that wants its cells marked stores the
// message it receives with setData(index, message, FieldErrorRole) and returns it for that role,
// for Qt::ToolTipRole and a tinted Qt::BackgroundRole (FieldErrors::tint gives the colour).
// Models that refuse the role still get the cell selected and the message shown.
#pragma once

#include "result.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QMetaObject>
#include <QObject>
#include <QPalette>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QString>

#include <optional>

class QAbstractItemView;
class QAction;
class QLabel;
class QWidget;

namespace Kontor::Ui {

// The role through which FieldErrors marks a table cell; the value is the message (a QString),
// an invalid QVariant clears it.
inline constexpr int FieldErrorRole = Qt::UserRole + 0x4b0;

class FieldErrors : public QObject
{
    Q_OBJECT
public:
    explicit FieldErrors(QWidget *form);
    ~FieldErrors() override;

    // Where the message goes. Without a label the message is only in the tooltip.
    void setMessageLabel(QLabel *label);

    // Binds a field name as the model spells it to a widget. `caption` is how the form names the
    // field to a person ("VAT ID"); it prefixes the message. A field bound to no widget still
    // has its message shown in the label.
    void bind(const QString &field, QWidget *widget, const QString &caption);

    // Binds indexed fields "<prefix>[row].<name>" to the cells of a view: `columns` maps <name>
    // to a column; names not in the map, and "<prefix>[row]" alone, go to `fallbackColumn`.
    // "<prefix>" without an index goes to the view itself.
    void bindTable(const QString &prefix, QAbstractItemView *view,
                   const QHash<QString, int> &columns, int fallbackColumn, const QString &caption);

    // Shows the error (clearing the previous one) and, unless `moveFocus` is false, puts the
    // focus on the marked widget or cell; checks that run while the user types elsewhere mark
    // without taking the focus away. Returns true when a bound widget or cell was marked, false
    // when the message could only go to the label.
    bool show(const Error &error, bool moveFocus = true);
    // Removes the mark, the tooltip and the message.
    void clear();

    bool hasError() const { return m_current.has_value(); }
    // The field of the error shown now; empty when none.
    QString currentField() const { return m_current ? m_current->field : QString(); }
    // The text shown in the label for the current error.
    QString currentText() const { return m_text; }

    // The rule in words for a person, in the user's language for the rules the ledger knows; the
    // model's own sentence otherwise.
    static QString describe(const Error &error);
    // A background tint that says "wrong" on top of a palette's base colour, light or dark.
    static QColor tint(const QPalette &palette);

Q_SIGNALS:
    // After show() and after clear(), for forms that enable or disable buttons.
    void changed();

private:
    struct Binding
    {
        QPointer<QWidget> widget;
        QString caption;
    };
    struct TableBinding
    {
        QPointer<QAbstractItemView> view;
        QHash<QString, int> columns;
        int fallbackColumn = 0;
        QString caption;
    };

    void markWidget(QWidget *widget, const QString &message, bool moveFocus);
    void markCell(QAbstractItemView *view, int row, int column, const QString &message,
                  bool moveFocus);
    void unmark();
    void clearOnEdit(QWidget *widget);

    QPointer<QWidget> m_form;
    QPointer<QLabel> m_label;
    QHash<QString, Binding> m_bindings;
    QHash<QString, TableBinding> m_tables;

    std::optional<Error> m_current;
    QString m_text;
    QPointer<QWidget> m_markedWidget;
    QPalette m_savedPalette;
    bool m_hadOwnPalette = false;
    QString m_savedToolTip;
    QPointer<QAction> m_warningAction;
    QPointer<QAbstractItemView> m_markedView;
    QPersistentModelIndex m_markedCell;
    QList<QMetaObject::Connection> m_editConnections;
};

} // namespace Kontor::Ui
