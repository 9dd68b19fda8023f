// A "from – to" pair of date fields for list filters, where either end may be "Any". "Any" is
// the QDateEdit's minimum date shown with special text; the first arrow key or click on an "Any"
// field jumps to a sensible date (start of this year, today) rather than to the minimum, and
// Delete sets the field back to "Any".
#pragma once

#include <QDate>
#include <QWidget>

class QDateEdit;
class QLabel;

namespace Kontor {

class DateRangeFilter : public QWidget
{
    Q_OBJECT
public:
    explicit DateRangeFilter(QWidget *parent = nullptr);

    // Invalid dates mean "any".
    QDate from() const;
    QDate to() const;
    void setRange(const QDate &from, const QDate &to);
    void clear() { setRange({}, {}); }

    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QLabel *fromLabel() const { return m_fromLabel; }
    QLabel *toLabel() const { return m_toLabel; }

Q_SIGNALS:
    void rangeChanged(const QDate &from, const QDate &to);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QDate valueOf(const QDateEdit *edit) const;
    QDate defaultFor(const QDateEdit *edit) const;

    QLabel *m_fromLabel = nullptr;
    QLabel *m_toLabel = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
};

} // namespace Kontor
