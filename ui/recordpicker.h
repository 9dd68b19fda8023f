// A line edit that finds a record as the user types: every edit asks a search function (over the
// ledger's paged queries) for matching records and offers them in a popup; picking one with the
// mouse, or with the arrow keys and Enter, selects its id. The editors use it for the customer of
// a document and the product of an invoice line, so a record is found among thousands without a
// list that loads them all.
#pragma once

#include <QLineEdit>
#include <QList>
#include <QString>

#include <functional>

class QCompleter;
class QStandardItemModel;

namespace Kontor::Ui {

class RecordPicker : public QLineEdit
{
    Q_OBJECT
public:
    struct Item
    {
        QString id;
        QString text; // what the field shows once picked, e.g. the customer's name
        QString detail; // a second line of help in the popup's tooltip, e.g. the VAT ID
    };
    // Returns at most a screenful of records matching `text` (empty: the first records).
    using Search = std::function<QList<Item>(const QString &text)>;

    explicit RecordPicker(QWidget *parent = nullptr);

    void setSearch(Search search);
    // Shows a record as picked, without emitting picked().
    void setCurrent(const QString &id, const QString &text);
    // The picked record while the field still shows it; empty once the text was changed.
    QString currentId() const;
    // The record the text stands for: the picked one, else the record whose text equals the
    // typed one (ignoring case), else the only match of a search. Empty when the text is empty
    // or ambiguous. Picks what it found (emitting picked() when that changes the id).
    QString resolve();
    // Opens the popup with the records matching the current text.
    void showMatches();
    QCompleter *popupCompleter() const { return m_completer; }

Q_SIGNALS:
    // The user picked a record (from the popup, or by resolve()).
    void picked(const QString &id);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void search(const QString &text);
    void pick(const QString &id, const QString &text, bool always = false);

    Search m_search;
    QCompleter *m_completer = nullptr;
    QStandardItemModel *m_matches = nullptr;
    QString m_id;
    QString m_pickedText;
};

} // namespace Kontor::Ui
