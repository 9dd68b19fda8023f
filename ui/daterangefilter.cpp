#include "daterangefilter.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {
// Stands for "any date": below every date a ledger holds.
const QDate kAny(1900, 1, 1);

// The locale's short date format with a four-digit year: two-digit years would make typing a
// date ambiguous across centuries.
QString displayFormat()
{
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    if (!format.contains(u"yyyy"_s))
        format.replace(u"yy"_s, u"yyyy"_s);
    return format;
}
} // namespace

DateRangeFilter::DateRangeFilter(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins({});
    auto makeEdit = [this](const QString &accessible) {
        auto *edit = new QDateEdit(this);
        edit->setCalendarPopup(true);
        edit->setMinimumDate(kAny);
        edit->setSpecialValueText(tr("Any"));
        edit->setDisplayFormat(displayFormat());
        edit->setDate(kAny);
        edit->setAccessibleName(accessible);
        edit->installEventFilter(this);
        connect(edit, &QDateEdit::dateChanged, this, [this] { Q_EMIT rangeChanged(from(), to()); });
        return edit;
    };
    m_fromLabel = new QLabel(tr("Fro&m:"), this);
    m_from = makeEdit(tr("From date"));
    m_fromLabel->setBuddy(m_from);
    m_toLabel = new QLabel(tr("T&o:"), this);
    m_to = makeEdit(tr("To date"));
    m_toLabel->setBuddy(m_to);
    m_from->setToolTip(tr("Only from this date on; Delete sets it back to any date"));
    m_to->setToolTip(tr("Only up to this date; Delete sets it back to any date"));
    layout->addWidget(m_fromLabel);
    layout->addWidget(m_from);
    layout->addWidget(m_toLabel);
    layout->addWidget(m_to);
}

QDate DateRangeFilter::valueOf(const QDateEdit *edit) const
{
    return edit->date() == kAny ? QDate() : edit->date();
}

QDate DateRangeFilter::from() const
{
    return valueOf(m_from);
}

QDate DateRangeFilter::to() const
{
    return valueOf(m_to);
}

void DateRangeFilter::setRange(const QDate &from, const QDate &to)
{
    if (from == this->from() && to == this->to())
        return;
    {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDate(from.isValid() ? from : kAny);
        m_to->setDate(to.isValid() ? to : kAny);
    }
    Q_EMIT rangeChanged(this->from(), this->to());
}

QDate DateRangeFilter::defaultFor(const QDateEdit *edit) const
{
    const QDate today = QDate::currentDate();
    if (edit == m_from)
        return to().isValid() ? QDate(to().year(), 1, 1) : QDate(today.year(), 1, 1);
    return from().isValid() && from() > today ? from() : today;
}

bool DateRangeFilter::eventFilter(QObject *watched, QEvent *event)
{
    auto *edit = qobject_cast<QDateEdit *>(watched);
    if (!edit || (edit != m_from && edit != m_to))
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        // An "Any" field has no sections for Tab to step through; Tab leaves it.
        if ((key == Qt::Key_Tab || key == Qt::Key_Backtab) && edit->date() == kAny) {
            const bool forward = key == Qt::Key_Tab
                && !(static_cast<QKeyEvent *>(event)->modifiers() & Qt::ShiftModifier);
            focusNextPrevChild(forward);
            return true;
        }
        if (key == Qt::Key_Delete) {
            edit->setDate(kAny);
            return true;
        }
        const bool step = key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_PageUp
            || key == Qt::Key_PageDown;
        if (step && edit->date() == kAny) {
            edit->setDate(defaultFor(edit));
            return true;
        }
    } else if (event->type() == QEvent::MouseButtonPress && edit->date() == kAny) {
        // The calendar popup opens on the date the field holds: make that a useful one.
        edit->setDate(defaultFor(edit));
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Kontor
