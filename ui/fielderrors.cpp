#include "fielderrors.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStyle>
#include <QTextEdit>

using namespace Qt::StringLiterals;

namespace Kontor::Ui {

namespace {

// "lines[2].quantity" -> prefix "lines", row 2, name "quantity"; "lines[2]" -> name empty.
struct IndexedField
{
    QString prefix;
    int row = -1;
    QString name;
};

std::optional<IndexedField> parseIndexed(const QString &field)
{
    static const QRegularExpression re(u"^([A-Za-z_][A-Za-z0-9_]*)\\[(\\d+)\\](?:\\.(.+))?$"_s);
    const auto m = re.match(field);
    if (!m.hasMatch())
        return std::nullopt;
    return IndexedField {m.captured(1), m.captured(2).toInt(), m.captured(3)};
}

bool isCellRole(const QList<int> &roles)
{
    // A change of the error mark itself must not count as an edit of the cell.
    if (roles.isEmpty())
        return true;
    for (int role : roles)
        if (role != FieldErrorRole && role != Qt::BackgroundRole && role != Qt::ToolTipRole)
            return true;
    return false;
}

} // namespace

FieldErrors::FieldErrors(QWidget *form) : QObject(form), m_form(form) { }

FieldErrors::~FieldErrors()
{
    unmark();
}

void FieldErrors::setMessageLabel(QLabel *label)
{
    m_label = label;
    if (m_label) {
        m_label->setWordWrap(true);
        m_label->setTextFormat(Qt::PlainText);
        m_label->setText(m_text);
        m_label->setVisible(!m_text.isEmpty());
    }
}

void FieldErrors::bind(const QString &field, QWidget *widget, const QString &caption)
{
    m_bindings.insert(field, Binding {widget, caption});
}

void FieldErrors::bindTable(const QString &prefix, QAbstractItemView *view,
                            const QHash<QString, int> &columns, int fallbackColumn,
                            const QString &caption)
{
    m_tables.insert(prefix, TableBinding {view, columns, fallbackColumn, caption});
}

bool FieldErrors::show(const Error &error, bool moveFocus)
{
    clear();
    m_current = error;
    const QString rule = describe(error);
    bool marked = false;
    QString where;

    if (auto it = m_bindings.constFind(error.field); it != m_bindings.cend()) {
        where = it->caption;
        if (it->widget) {
            markWidget(it->widget, rule, moveFocus);
            marked = true;
        }
    } else if (const auto indexed = parseIndexed(error.field)) {
        if (auto t = m_tables.constFind(indexed->prefix);
            t != m_tables.cend() && t->view && t->view->model()) {
            const int column = t->columns.value(indexed->name, t->fallbackColumn);
            const QString header = t->view->model()->headerData(column, Qt::Horizontal).toString();
            where = tr("%1, line %2, %3").arg(t->caption).arg(indexed->row + 1).arg(header);
            if (indexed->row < t->view->model()->rowCount()) {
                markCell(t->view, indexed->row, column, rule, moveFocus);
                marked = true;
            }
        }
    } else if (auto t = m_tables.constFind(error.field); t != m_tables.cend()) {
        where = t->caption;
        if (t->view) {
            markWidget(t->view, rule, moveFocus);
            marked = true;
        }
    }

    m_text = where.isEmpty() ? rule : tr("%1: %2").arg(where, rule);
    if (m_label) {
        m_label->setText(m_text);
        m_label->setVisible(true);
    }
    Q_EMIT changed();
    return marked;
}

void FieldErrors::clear()
{
    const bool had = m_current.has_value();
    unmark();
    m_current.reset();
    m_text.clear();
    if (m_label) {
        m_label->clear();
        m_label->setVisible(false);
    }
    if (had)
        Q_EMIT changed();
}

QColor FieldErrors::tint(const QPalette &palette)
{
    // Red says "wrong"; the lightness follows the palette's base colour so the text written on
    // it keeps its contrast in a light and in a dark palette.
    const QColor base = palette.color(QPalette::Active, QPalette::Base);
    const int lightness = base.lightness();
    if (lightness >= 128)
        return QColor::fromHsl(0, 170, qMax(lightness - 28, 160));
    return QColor::fromHsl(0, 110, qMin(lightness + 34, 100));
}

void FieldErrors::markWidget(QWidget *widget, const QString &message, bool moveFocus)
{
    m_markedWidget = widget;
    m_hadOwnPalette = widget->testAttribute(Qt::WA_SetPalette);
    m_savedPalette = widget->palette();
    m_savedToolTip = widget->toolTip();

    QPalette pal = widget->palette();
    const QColor tinted = tint(pal);
    for (auto group : {QPalette::Active, QPalette::Inactive}) {
        pal.setColor(group, QPalette::Base, tinted);
        // Non-editable combo boxes and buttons paint with Button, not Base.
        if (qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractButton *>(widget))
            pal.setColor(group, QPalette::Button, tinted);
    }
    widget->setPalette(pal);
    widget->setToolTip(message);
    widget->setProperty("kontorFieldError", true);

    QLineEdit *edit = qobject_cast<QLineEdit *>(widget);
    if (auto *combo = qobject_cast<QComboBox *>(widget); combo && combo->isEditable())
        edit = combo->lineEdit();
    if (edit) {
        m_warningAction
            = edit->addAction(widget->style()->standardIcon(QStyle::SP_MessageBoxWarning),
                              QLineEdit::TrailingPosition);
        m_warningAction->setToolTip(message);
        m_warningAction->setText(message);
    }
    if (moveFocus && !widget->hasFocus() && widget->isEnabled())
        widget->setFocus(Qt::OtherFocusReason);
    clearOnEdit(widget);
}

void FieldErrors::markCell(QAbstractItemView *view, int row, int column, const QString &message,
                           bool moveFocus)
{
    QAbstractItemModel *model = view->model();
    const QModelIndex index = model->index(row, column);
    m_markedView = view;
    m_markedCell = index;
    model->setData(index, message, FieldErrorRole);
    if (moveFocus) {
        view->setCurrentIndex(index);
        view->scrollTo(index);
        if (!view->hasFocus() && view->isEnabled())
            view->setFocus(Qt::OtherFocusReason);
    }

    m_editConnections.append(
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight,
                       const QList<int> &roles) {
                    if (!m_markedCell.isValid() || !isCellRole(roles))
                        return;
                    const int r = m_markedCell.row();
                    const int c = m_markedCell.column();
                    if (r >= topLeft.row() && r <= bottomRight.row() && c >= topLeft.column()
                        && c <= bottomRight.column())
                        clear();
                }));
    // Rows that move or vanish take the error's row number with them.
    for (auto signal : {&QAbstractItemModel::rowsRemoved, &QAbstractItemModel::rowsInserted})
        m_editConnections.append(connect(model, signal, this, [this] { clear(); }));
    m_editConnections.append(
        connect(model, &QAbstractItemModel::rowsMoved, this, [this] { clear(); }));
    m_editConnections.append(
        connect(model, &QAbstractItemModel::modelReset, this, [this] { clear(); }));
}

void FieldErrors::clearOnEdit(QWidget *widget)
{
    auto done = [this] { clear(); };
    if (auto *w = qobject_cast<QLineEdit *>(widget)) {
        m_editConnections.append(connect(w, &QLineEdit::textEdited, this, done));
    } else if (auto *w = qobject_cast<QComboBox *>(widget)) {
        m_editConnections.append(connect(w, &QComboBox::currentIndexChanged, this, done));
        if (w->isEditable())
            m_editConnections.append(connect(w->lineEdit(), &QLineEdit::textEdited, this, done));
    } else if (auto *w = qobject_cast<QDateTimeEdit *>(widget)) {
        m_editConnections.append(connect(w, &QDateTimeEdit::dateTimeChanged, this, done));
    } else if (auto *w = qobject_cast<QSpinBox *>(widget)) {
        m_editConnections.append(connect(w, &QSpinBox::valueChanged, this, done));
    } else if (auto *w = qobject_cast<QDoubleSpinBox *>(widget)) {
        m_editConnections.append(connect(w, &QDoubleSpinBox::valueChanged, this, done));
    } else if (auto *w = qobject_cast<QAbstractButton *>(widget)) {
        m_editConnections.append(connect(w, &QAbstractButton::toggled, this, done));
    } else if (auto *w = qobject_cast<QPlainTextEdit *>(widget)) {
        m_editConnections.append(connect(w, &QPlainTextEdit::textChanged, this, done));
    } else if (auto *w = qobject_cast<QTextEdit *>(widget)) {
        m_editConnections.append(connect(w, &QTextEdit::textChanged, this, done));
    }
    // Other widgets (a whole table, a list) keep the mark until the next show() or clear().
}

void FieldErrors::unmark()
{
    for (const auto &c : std::as_const(m_editConnections))
        disconnect(c);
    m_editConnections.clear();

    if (m_markedWidget) {
        if (m_hadOwnPalette)
            m_markedWidget->setPalette(m_savedPalette);
        else
            m_markedWidget->setPalette(QPalette());
        m_markedWidget->setToolTip(m_savedToolTip);
        m_markedWidget->setProperty("kontorFieldError", QVariant());
    }
    m_markedWidget.clear();
    delete m_warningAction.data();
    m_warningAction.clear();

    if (m_markedView && m_markedCell.isValid())
        m_markedView->model()->setData(m_markedCell, QVariant(), FieldErrorRole);
    m_markedView.clear();
    m_markedCell = QPersistentModelIndex();
}

QString FieldErrors::describe(const Error &error)
{
    const QString &rule = error.rule;
    const QString &field = error.field;
    if (rule == u"required"_s) {
        if (field == u"customer"_s)
            return tr("A customer is required to issue a document.");
        if (field.endsWith(u".taxRate"_s) || field == u"taxRate"_s)
            return tr("A tax rate is required.");
        if (field.endsWith(u".description"_s))
            return tr("Every line needs a description before the document is issued.");
        if (field == u"date"_s || field.endsWith(u"Date"_s))
            return tr("A valid date is required.");
        return tr("A value is required.");
    }
    if (rule == u"too-long"_s)
        return tr("The text is too long.");
    if (rule == u"number-format"_s)
        return tr("This is not a number: type digits, with '%1' before the decimals and no more "
                  "decimals than the field takes.")
            .arg(QLocale().decimalPoint());
    if (rule == u"unknown-currency"_s)
        return tr("This is not an ISO 4217 currency code such as EUR, USD or GBP.");
    if (rule == u"unknown-country"_s)
        return tr("This is not an ISO 3166 country code such as IT, DE or FR.");
    if (rule == u"invalid-email"_s)
        return tr("This is not a valid e-mail address: it needs a name, an @ and a domain, as in "
                  "name@example.com.");
    if (rule == u"invalid-vat-id"_s)
        return tr("A VAT ID is the two-letter country prefix followed by 2 to 13 letters or "
                  "digits, without spaces, as in IT01234567890.");
    if (rule == u"terms-range"_s)
        return tr("Payment terms must be between 0 and 366 days.");
    if (rule == u"negative-quantity"_s)
        return tr("The quantity must not be negative; corrections are made with a credit note.");
    if (rule == u"negative-price"_s)
        return tr("The unit price must not be negative; give a discount instead.");
    if (rule == u"negative-amount"_s)
        return tr("Amounts must not be negative.");
    if (rule == u"amount-range"_s)
        return tr("The amount exceeds the largest amount allowed.");
    if (rule == u"discount-range"_s || rule == u"percent-range"_s)
        return tr("A percentage must be between 0 % and 100 %.");
    if (rule == u"invalid-unit"_s)
        return tr("The unit must be a UN/ECE unit code such as C62 (piece), HUR (hour) or DAY "
                  "(day).");
    if (rule == u"unknown-tax-rate"_s)
        return tr("This tax rate does not exist; pick one from the list or add it in Settings.");
    if (rule == u"due-before-issue"_s)
        return tr("The due date must not be before the issue date.");
    if (rule == u"empty-document"_s)
        return tr("A document without lines cannot be issued.");
    if (rule == u"too-many-lines"_s)
        return tr("A document may have at most 1000 lines.");
    if (rule == u"unknown-customer"_s)
        return tr("There is no such customer; pick one from the list or create a new customer.");
    if (rule == u"total-mismatch"_s)
        return tr("The total must equal net plus VAT.");
    if (rule == u"below-paid"_s)
        return tr("The total cannot be less than what was already paid.");
    if (rule == u"overpayment"_s)
        return tr("The payment exceeds the open balance. Tick \"Overpayment\" if that is "
                  "intended.");
    if (rule == u"non-positive-amount"_s)
        return tr("A payment must be a positive amount.");
    if (rule == u"currency-mismatch"_s)
        return tr("The currency must be the currency of the document it belongs to.");
    if (rule == u"credit-exceeds-invoice"_s)
        return tr("The credit note exceeds what is left to credit on the invoice.");
    if (rule == u"empty-credit"_s)
        return tr("A credit note must credit a positive amount.");
    if (rule == u"series-not-held"_s)
        return tr("This number series is held by another device; take it over while online or "
                  "use this device's own series.");
    if (rule == u"number-out-of-sequence"_s)
        return tr("The number series moved on meanwhile; try again.");
    if (rule == u"immutable"_s || rule == u"already-issued"_s)
        return tr("The document is issued and cannot be changed; correct it with a credit note.");
    if (rule == u"empty-file"_s)
        return tr("The file is empty.");
    if (rule == u"too-large"_s)
        return field == u"receipt"_s ? tr("A receipt may be at most 20 MiB.")
                                     : tr("The file is too large.");
    if (rule == u"unsupported-type"_s || rule == u"type-mismatch"_s)
        return tr("Only PDF, PNG, JPEG and WebP files can be attached as receipts.");
    if (rule == u"quote-in-use"_s)
        return tr("The quote was converted to an invoice and cannot be deleted.");
    if (rule == u"customer-in-use"_s)
        return tr("The customer has documents and cannot be deleted; archive it instead.");
    if (rule == u"expense-paid"_s)
        return tr("The expense has payments recorded and cannot be deleted.");
    if (rule == u"invoice-not-issued"_s)
        return tr("A draft cannot be paid; issue it first.");
    if (rule == u"already-converted"_s)
        return tr("The quote was already converted to an invoice.");
    // A rule the desktop does not know yet: the model's own sentence, capitalised.
    QString text = error.message;
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    if (!text.isEmpty() && !text.endsWith(u'.'))
        text += u'.';
    return text;
}

} // namespace Kontor::Ui
