// The invoice editor over a real ledger, driven like a user: a customer picked by typing, lines
// added by picking a product and by typing into the cells, live totals and VAT breakdown, save,
// issue with the confirmation that shows the number, partial payment, credit note, duplicate,
// quote to invoice, and bad input shown at the cell with nothing written. Also the line model
// under QAbstractItemModelTester and the PDF preview's save and send.
#include "creditnotedialog.h"
#include "documentlinemodel.h"
#include "editortestsupport.h"
#include "fielderrors.h"
#include "invoiceeditor.h"
#include "moneyformat.h"
#include "paymentdialog.h"
#include "pdfpreview.h"
#include "recordpicker.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::EditorTest;
using Ui::DocumentLineModel;

// Receives what QDesktopServices would hand to the system (mail client, file manager).
class UrlRecorder : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl &url) { urls.append(url); }
};

class TestInvoiceEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void lineModel();
    void buildInvoiceByTyping();
    void dueDateFollowsCustomer();
    void newCustomerFromTheEditor();
    void issueShowsNumberAndLocks();
    void issueWithoutCustomerShowsErrorFirst();
    void partialPaymentAndCreditNote();
    void overpaymentNeedsTheBox();
    void duplicateAsNewDraft();
    void quoteToInvoice();
    void invalidLineShowsErrorAtCell();
    void keyboardLineCommands();
    void deleteDraft();
    void pdfPreviewSaveAndSend();

private:
    InvoiceEditor *openEditor(const QString &id, DocumentKind kind = DocumentKind::Invoice);
    QWidget *cellEditor(QTableView *table);
    QWidget *editorAt(QTableView *table, int column);
    void typeIntoCell(InvoiceEditor *editor, int row, int column, const QString &text);
    void pickCustomer(InvoiceEditor *editor, const QString &typed, const Customer &expected);
    Document issuedInvoice();
    static void reactivate(QWidget *window);
    static void saveScreenshot(QWidget *widget, const QString &name);

    std::unique_ptr<EditorLedger> m_ledger;
    std::unique_ptr<InvoiceEditor> m_editor;
    Customer m_bianchi; // 15 days' terms
    Customer m_verdi; // company terms (30 days)
    Product m_consulting;
};

void TestInvoiceEditor::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestInvoiceEditor::init()
{
    m_ledger = std::make_unique<EditorLedger>();
    QVERIFY(m_ledger->open());
    m_bianchi = m_ledger->addCustomer(u"Bianchi Srl"_s, 15, u"conti@bianchi.example"_s);
    m_verdi = m_ledger->addCustomer(u"Verdi SpA"_s);
    m_consulting = m_ledger->addProduct(u"Consulting"_s, u"HUR"_s, price(80), m_ledger->rate22,
                                        u"senior developer"_s);
    m_ledger->addProduct(u"Hosting"_s, u"MON"_s, price(10), m_ledger->rate22);
}

void TestInvoiceEditor::cleanup()
{
    m_editor.reset();
    m_ledger.reset();
}

InvoiceEditor *TestInvoiceEditor::openEditor(const QString &id, DocumentKind kind)
{
    m_editor = std::make_unique<InvoiceEditor>(*m_ledger->ctx, id, kind);
    m_editor->show();
    if (!QTest::qWaitForWindowActive(m_editor.get()))
        qWarning("the editor did not become active");
    return m_editor.get();
}

QWidget *TestInvoiceEditor::cellEditor(QTableView *table)
{
    // The editor of a cell lives in the view's viewport and has the focus.
    QWidget *focus = nullptr;
    const bool found = QTest::qWaitFor(
        [&] {
            // A closed editor is hidden at once and deleted later: skip it.
            focus = QApplication::focusWidget();
            return focus && focus->isVisible() && table->viewport()->isAncestorOf(focus);
        },
        3000);
    return found ? focus : nullptr;
}

QWidget *TestInvoiceEditor::editorAt(QTableView *table, int column)
{
    // The editor that Tab opened in `column` of the current row, once it has the focus.
    QWidget *focus = nullptr;
    const bool found = QTest::qWaitFor(
        [&] {
            focus = QApplication::focusWidget();
            return table->currentIndex().column() == column && focus && focus->isVisible()
                && table->viewport()->isAncestorOf(focus);
        },
        3000);
    return found ? focus : nullptr;
}

void TestInvoiceEditor::typeIntoCell(InvoiceEditor *editor, int row, int column,
                                     const QString &text)
{
    QTableView *table = editor->lineTable();
    table->setFocus();
    table->setCurrentIndex(editor->lineModel()->index(row, column));
    QTest::keyClick(table, Qt::Key_F2);
    QWidget *cell = cellEditor(table);
    QVERIFY2(cell, "no cell editor opened");
    if (auto *combo = qobject_cast<QComboBox *>(cell); combo && !combo->isEditable()) {
        QTest::keyClicks(combo, text);
    } else {
        QLineEdit *edit = qobject_cast<QLineEdit *>(cell);
        if (auto *combo = qobject_cast<QComboBox *>(cell))
            edit = combo->lineEdit();
        QVERIFY(edit);
        edit->selectAll();
        QTest::keyClicks(edit, text);
    }
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(!table->viewport()->isAncestorOf(QApplication::focusWidget()));
}

void TestInvoiceEditor::pickCustomer(InvoiceEditor *editor, const QString &typed,
                                     const Customer &expected)
{
    auto *picker = editor->findChild<Ui::RecordPicker *>(u"customerPicker"_s);
    QVERIFY(picker);
    picker->setFocus();
    picker->selectAll();
    QTest::keyClicks(picker, typed);
    QWidget *popup = picker->popupCompleter()->popup();
    QTRY_VERIFY(popup->isVisible());
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    reactivate(editor);
    QTRY_COMPARE(picker->currentId(), expected.id);
    QCOMPARE(picker->text(), expected.name);
}

void TestInvoiceEditor::reactivate(QWidget *window)
{
    // The offscreen platform activates a popup when it opens and no window when it closes; a
    // desktop gives the activation back to the window the popup belonged to.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
}

void TestInvoiceEditor::saveScreenshot(QWidget *widget, const QString &name)
{
    // KONTOR_SCREENSHOT_DIR keeps pictures of the editor for a look (and the docs).
    const QString dir = qEnvironmentVariable("KONTOR_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget->grab().save(QDir(dir).filePath(name + u".png"_s)));
}

Document TestInvoiceEditor::issuedInvoice()
{
    Document draft = m_ledger->addDraft(m_bianchi);
    auto issued = m_ledger->ledger->issue(draft.id);
    Q_ASSERT(issued.ok());
    return issued.value();
}

void TestInvoiceEditor::lineModel()
{
    DocumentLineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTaxRates(m_ledger->ledger->taxRates().value());
    model.setDefaultTaxRateId(m_ledger->rate22);
    model.setProductLookup([this](const QString &id) -> std::optional<Product> {
        auto p = m_ledger->ledger->product(id);
        return p ? std::optional<Product>(p.value()) : std::nullopt;
    });

    QCOMPARE(model.addLine(), 0);
    QCOMPARE(model.addLine(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.line(0).quantity, qty(1));
    QCOMPARE(model.line(0).taxRateId, m_ledger->rate22);

    QVERIFY(model.setData(model.index(0, DocumentLineModel::ProductColumn), m_consulting.id));
    QCOMPARE(model.line(0).unitPrice, price(80));
    QCOMPARE(model.line(0).unit, u"HUR"_s);
    QCOMPARE(model.data(model.index(0, DocumentLineModel::ProductColumn)).toString(),
             u"Consulting"_s);
    QVERIFY(model.line(0).description.startsWith(u"Consulting"_s));

    QVERIFY(model.setData(model.index(0, DocumentLineModel::QuantityColumn), u"2.5"_s));
    QCOMPARE(model.line(0).quantity, 25000);
    QCOMPARE(model.data(model.index(0, DocumentLineModel::NetColumn)).toString(),
             Ui::formatAmount(eur(200), u"EUR"_s));
    QVERIFY(model.setData(model.index(0, DocumentLineModel::DiscountColumn), u"10"_s));
    QCOMPARE(model.line(0).discountBp, 1000);
    QVERIFY(model.setData(model.index(1, DocumentLineModel::UnitColumn), u"day"_s));
    QCOMPARE(model.line(1).unit, u"DAY"_s);
    QVERIFY(model.setData(model.index(1, DocumentLineModel::TaxRateColumn), u"10 %"_s));
    QCOMPARE(model.line(1).taxRateId, m_ledger->rate10);

    // Text that cannot be read stays in the cell, marked, and is the model's input error.
    QVERIFY(model.setData(model.index(1, DocumentLineModel::QuantityColumn), u"abc"_s));
    QCOMPARE(model.data(model.index(1, DocumentLineModel::QuantityColumn)).toString(), u"abc"_s);
    QVERIFY(model.data(model.index(1, DocumentLineModel::QuantityColumn), Qt::BackgroundRole)
                .isValid());
    auto error = model.firstInputError();
    QVERIFY(error);
    QCOMPARE(error->field, u"lines[1].quantity"_s);
    QCOMPARE(error->rule, u"number-format"_s);
    QCOMPARE(model.line(1).quantity, qty(1)); // the last good value is kept
    QVERIFY(model.setData(model.index(1, DocumentLineModel::QuantityColumn), u"3"_s));
    QVERIFY(!model.firstInputError());
    QVERIFY(model.setData(model.index(1, DocumentLineModel::TaxRateColumn), u"17 %"_s));
    QCOMPARE(model.firstInputError()->rule, u"unknown-tax-rate"_s);
    QVERIFY(model.setData(model.index(1, DocumentLineModel::TaxRateColumn), m_ledger->rate22));

    // Error marks from FieldErrors.
    const QModelIndex cell = model.index(0, DocumentLineModel::UnitPriceColumn);
    QVERIFY(model.setData(cell, u"wrong"_s, Ui::FieldErrorRole));
    QCOMPARE(model.data(cell, Qt::ToolTipRole).toString(), u"wrong"_s);
    QVERIFY(model.setData(cell, QVariant(), Ui::FieldErrorRole));
    QVERIFY(!model.data(cell, Ui::FieldErrorRole).isValid());

    // Moves, inserts, removals.
    const QString first = model.line(0).description;
    QVERIFY(model.moveLine(0, 1));
    QCOMPARE(model.line(1).description, first);
    QVERIFY(model.moveLine(1, 0));
    QCOMPARE(model.line(0).description, first);
    QCOMPARE(model.addLine(1), 1);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.removeRows(1, 1));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(!model.removeRows(5, 1));

    // Read-only: nothing is editable and nothing changes.
    model.setReadOnly(true);
    QVERIFY(!(model.flags(model.index(0, DocumentLineModel::QuantityColumn)) & Qt::ItemIsEditable));
    QVERIFY(!model.setData(model.index(0, DocumentLineModel::QuantityColumn), u"9"_s));
    QVERIFY(!model.insertRows(0, 1));

    model.setLines({});
    QCOMPARE(model.rowCount(), 0);
}

void TestInvoiceEditor::buildInvoiceByTyping()
{
    InvoiceEditor *editor = openEditor({});
    QVERIFY(editor->documentId().isEmpty());
    QVERIFY(!editor->isReadOnly());
    pickCustomer(editor, u"bia"_s, m_bianchi);

    // A line by picking a product: description, unit, price and rate come from the product, then
    // the quantity is typed.
    auto *addLine = editor->findChild<QPushButton *>(u"addLineButton"_s);
    QTest::mouseClick(addLine, Qt::LeftButton);
    QTableView *table = editor->lineTable();
    auto *picker = qobject_cast<Ui::RecordPicker *>(cellEditor(table));
    QVERIFY(picker);
    QTest::keyClicks(picker, u"consul"_s);
    QWidget *popup = picker->popupCompleter()->popup();
    QTRY_VERIFY(popup->isVisible());
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    reactivate(editor);
    DocumentLineModel *lines = editor->lineModel();
    QTRY_COMPARE(lines->line(0).productId, m_consulting.id);
    QCOMPARE(lines->line(0).unitPrice, price(80));
    QCOMPARE(lines->line(0).unit, u"HUR"_s);
    QCOMPARE(lines->line(0).taxRateId, m_ledger->rate22);
    QCOMPARE(lines->line(0).description, u"Consulting – senior developer"_s);
    // The quantity is what comes next. (The editor opens there by itself; on the offscreen
    // platform closing the popup also deactivates the window, which closes that editor again,
    // so the test opens the cell itself.)
    QTRY_COMPARE(table->currentIndex().row(), 0);
    QTRY_COMPARE(table->currentIndex().column(), int(DocumentLineModel::QuantityColumn));
    typeIntoCell(editor, 0, DocumentLineModel::QuantityColumn, u"10"_s);
    QTRY_COMPARE(lines->line(0).quantity, qty(10));

    // A line without a product, typed cell by cell with Tab.
    QTest::mouseClick(addLine, Qt::LeftButton);
    QTRY_COMPARE(lines->rowCount(), 2);
    auto *free
        = qobject_cast<Ui::RecordPicker *>(editorAt(table, DocumentLineModel::ProductColumn));
    QVERIFY(free);
    QTest::keyClicks(free, u"Printed manual"_s);
    QTest::keyClick(free, Qt::Key_Tab); // no such product: the text is the description
    QTRY_COMPARE(lines->line(1).description, u"Printed manual"_s);
    QVERIFY(lines->line(1).productId.isEmpty());
    QWidget *description = editorAt(table, DocumentLineModel::DescriptionColumn);
    QVERIFY(description);
    QTest::keyClick(description, Qt::Key_Tab);
    auto *q2 = qobject_cast<QLineEdit *>(editorAt(table, DocumentLineModel::QuantityColumn));
    QVERIFY(q2);
    q2->selectAll();
    QTest::keyClicks(q2, u"2"_s);
    QTest::keyClick(q2, Qt::Key_Tab);
    QWidget *unit = editorAt(table, DocumentLineModel::UnitColumn);
    QVERIFY(unit);
    QTest::keyClick(unit, Qt::Key_Tab);
    auto *p2 = qobject_cast<QLineEdit *>(editorAt(table, DocumentLineModel::UnitPriceColumn));
    QVERIFY(p2);
    p2->selectAll();
    QTest::keyClicks(p2, u"25"_s);
    QTest::keyClick(p2, Qt::Key_Tab);
    auto *d2 = qobject_cast<QLineEdit *>(editorAt(table, DocumentLineModel::DiscountColumn));
    QVERIFY(d2);
    QTest::keyClicks(d2, u"10"_s);
    QTest::keyClick(d2, Qt::Key_Tab);
    auto *rate = qobject_cast<QComboBox *>(editorAt(table, DocumentLineModel::TaxRateColumn));
    QVERIFY(rate);
    // Arrow keys pick the rate (a space would open the list instead).
    const int rate10 = rate->findData(m_ledger->rate10);
    while (rate->currentIndex() < rate10)
        QTest::keyClick(rate, Qt::Key_Down);
    while (rate->currentIndex() > rate10)
        QTest::keyClick(rate, Qt::Key_Up);
    QTest::keyClick(rate, Qt::Key_Return);
    QTRY_COMPARE(lines->line(1).taxRateId, m_ledger->rate10);
    QCOMPARE(lines->line(1).quantity, qty(2));
    QCOMPARE(lines->line(1).unitPrice, price(25));
    QCOMPARE(lines->line(1).discountBp, 1000);

    // Live totals: 800.00 at 22 % and 50.00 - 10 % = 45.00 at 10 %.
    auto text = [editor](const char *name) {
        return editor->findChild<QLabel *>(QString::fromLatin1(name))->text();
    };
    QCOMPARE(text("netTotal"), Ui::formatMoney(eur(845), u"EUR"_s));
    QCOMPARE(text("vatTotal"), Ui::formatMoney(eur(180, 50), u"EUR"_s));
    QCOMPARE(text("grandTotal"), Ui::formatMoney(eur(1025, 50), u"EUR"_s));
    const QString breakdown = text("vatBreakdown");
    QVERIFY2(breakdown.contains(u"%1 on %2: %3"_s.arg(Ui::formatPercent(2200),
                                                      Ui::formatMoney(eur(800), u"EUR"_s),
                                                      Ui::formatMoney(eur(176), u"EUR"_s))),
             qPrintable(breakdown));
    QVERIFY2(breakdown.contains(u"%1 on %2: %3"_s.arg(Ui::formatPercent(1000),
                                                      Ui::formatMoney(eur(45), u"EUR"_s),
                                                      Ui::formatMoney(eur(4, 50), u"EUR"_s))),
             qPrintable(breakdown));
    QVERIFY(editor->isDirty());

    // Save draft with the keyboard.
    QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(!editor->documentId().isEmpty());
    QVERIFY(!editor->isDirty());
    auto saved = m_ledger->ledger->document(editor->documentId());
    QVERIFY(saved);
    QCOMPARE(saved->status, DocumentStatus::Draft);
    QCOMPARE(saved->customerId, m_bianchi.id);
    QCOMPARE(saved->lines.size(), 2);
    QCOMPARE(saved->totals.payable, eur(1025, 50));
    QCOMPARE(saved->dueDate, m_ledger->today.addDays(15));
    saveScreenshot(editor, u"invoice-editor-draft"_s);
    QVERIFY(m_ledger->changes.contains(u"invoice:"_s + saved->id));
}

void TestInvoiceEditor::dueDateFollowsCustomer()
{
    InvoiceEditor *editor = openEditor({});
    auto *due = editor->findChild<QDateEdit *>(u"dueDate"_s);
    auto *issueDate = editor->findChild<QDateEdit *>(u"issueDate"_s);
    QCOMPARE(issueDate->date(), m_ledger->today);
    QCOMPARE(due->date(), m_ledger->today.addDays(30)); // the company's terms

    pickCustomer(editor, u"Bia"_s, m_bianchi);
    QCOMPARE(due->date(), m_ledger->today.addDays(15));
    pickCustomer(editor, u"Ver"_s, m_verdi);
    QCOMPARE(due->date(), m_ledger->today.addDays(30));
    issueDate->setDate(m_ledger->today.addDays(1));
    QCOMPARE(due->date(), m_ledger->today.addDays(31));

    // Set by hand, the due date stays.
    due->setDate(QDate(2026, 6, 30));
    pickCustomer(editor, u"Bia"_s, m_bianchi);
    QCOMPARE(due->date(), QDate(2026, 6, 30));
}

void TestInvoiceEditor::newCustomerFromTheEditor()
{
    InvoiceEditor *editor = openEditor({});
    auto *picker = editor->findChild<Ui::RecordPicker *>(u"customerPicker"_s);
    picker->setFocus();
    QTest::keyClicks(picker, u"Neri Srl"_s);
    QString prefilled;
    ModalDriver driver(u"customerEditor"_s, [&prefilled](QWidget *dialog) {
        auto *name = dialog->findChild<QLineEdit *>(u"name"_s);
        prefilled = name->text();
        auto *terms = dialog->findChild<QSpinBox *>(u"paymentTerms"_s);
        terms->setValue(60);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
    });
    QTest::mouseClick(editor->findChild<QToolButton *>(u"newCustomerButton"_s), Qt::LeftButton);
    QVERIFY(driver.handled());
    QCOMPARE(prefilled, u"Neri Srl"_s);
    QVERIFY(!picker->currentId().isEmpty());
    QCOMPARE(picker->text(), u"Neri Srl"_s);
    QVERIFY(m_ledger->changes.contains(u"customer:"_s + picker->currentId()));
    // Its terms give the due date.
    QCOMPARE(editor->findChild<QDateEdit *>(u"dueDate"_s)->date(), m_ledger->today.addDays(60));
}

void TestInvoiceEditor::issueShowsNumberAndLocks()
{
    // Declined: nothing happens.
    {
        const Document other = m_ledger->addDraft(m_verdi);
        InvoiceEditor declined(*m_ledger->ctx, other.id);
        declined.show();
        ModalDriver driver(u"issueConfirmation"_s, [](QWidget *box) {
            qobject_cast<QMessageBox *>(box)->button(QMessageBox::Cancel)->click();
        });
        QTest::mouseClick(declined.findChild<QPushButton *>(u"issueButton"_s), Qt::LeftButton);
        QVERIFY(driver.handled());
        QCOMPARE(declined.status(), DocumentStatus::Draft);
        QCOMPARE(m_ledger->ledger->document(other.id)->status, DocumentStatus::Draft);
    }

    const Document draft = m_ledger->addDraft(m_bianchi);
    InvoiceEditor *editor = openEditor(draft.id);
    QCOMPARE(editor->status(), DocumentStatus::Draft);
    auto *issueButton = editor->findChild<QPushButton *>(u"issueButton"_s);
    QVERIFY(issueButton->isVisible());
    QString question;
    ModalDriver driver(u"issueConfirmation"_s, [&question](QWidget *box) {
        question = qobject_cast<QMessageBox *>(box)->text();
        acceptMessageBox(box);
    });
    // A button's shortcut clicks it after a short animation.
    QTest::keySequence(editor, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    QTRY_VERIFY(driver.handled());
    QVERIFY2(question.contains(u"2026-0001"_s), qPrintable(question));

    QCOMPARE(editor->status(), DocumentStatus::Issued);
    QCOMPARE(editor->document().number, u"2026-0001"_s);
    QVERIFY(editor->isReadOnly());
    QVERIFY(m_ledger->changes.contains(u"invoice:"_s + draft.id));
    QVERIFY(editor->findChild<QLabel *>(u"title"_s)->text().contains(u"2026-0001"_s));
    // Read-only: no editing, no draft commands; the issued commands instead.
    QVERIFY(editor->findChild<Ui::RecordPicker *>(u"customerPicker"_s)->isReadOnly());
    QCOMPARE(editor->lineTable()->editTriggers(), QAbstractItemView::NoEditTriggers);
    QVERIFY(!(editor->lineModel()->flags(editor->lineModel()->index(0, 2)) & Qt::ItemIsEditable));
    QVERIFY(!issueButton->isVisible());
    QVERIFY(!editor->findChild<QPushButton *>(u"saveButton"_s)->isVisible());
    QVERIFY(!editor->findChild<QPushButton *>(u"deleteButton"_s)->isVisible());
    QVERIFY(!editor->findChild<QPushButton *>(u"addLineButton"_s)->isVisible());
    for (const char *name : {"paymentButton", "creditNoteButton", "pdfButton", "duplicateButton"})
        QVERIFY2(editor->findChild<QPushButton *>(QString::fromLatin1(name))->isVisible(), name);
    QVERIFY(!editor->saveDraft());
    saveScreenshot(editor, u"invoice-editor-issued"_s);
    QVERIFY(editor->findChild<QLabel *>(u"balance"_s)
                ->text()
                .contains(Ui::formatMoney(draft.totals.payable, u"EUR"_s)));
}

void TestInvoiceEditor::issueWithoutCustomerShowsErrorFirst()
{
    InvoiceEditor *editor = openEditor({});
    editor->addLine();
    QWidget *cell = cellEditor(editor->lineTable());
    QVERIFY(cell);
    QTest::keyClick(cell, Qt::Key_Escape);
    const qint64 before = m_ledger->outboxCount();
    // No confirmation is asked: the missing customer is said first, at the customer field.
    ModalDriver driver(u"issueConfirmation"_s, [](QWidget *box) { acceptMessageBox(box); });
    QVERIFY(!editor->issue());
    QVERIFY(!driver.handled());
    auto *picker = editor->findChild<Ui::RecordPicker *>(u"customerPicker"_s);
    QCOMPARE(picker->property("kontorFieldError").toBool(), true);
    auto *error = editor->findChild<QLabel *>(u"errorLabel"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"customer is required"_s), qPrintable(error->text()));
    QCOMPARE(m_ledger->outboxCount(), before);

    // A name that is no customer is refused the same way.
    QTest::keyClicks(picker, u"Nobody"_s);
    QVERIFY(!editor->saveDraft());
    QVERIFY(picker->property("kontorFieldError").toBool());
    QCOMPARE(m_ledger->outboxCount(), before);
}

void TestInvoiceEditor::partialPaymentAndCreditNote()
{
    const Document invoice = issuedInvoice(); // 1,031.00: 976.00 + 55.00
    InvoiceEditor *editor = openEditor(invoice.id);
    QCOMPARE(invoice.totals.payable, eur(1031));

    // Partial payment of 300.00: the amount starts at the open balance.
    QString proposed;
    ModalDriver pay(u"paymentDialog"_s, [&proposed](QWidget *dialog) {
        auto *amount = dialog->findChild<QLineEdit *>(u"amount"_s);
        proposed = amount->text();
        amount->selectAll();
        QTest::keyClicks(amount, u"300.00"_s);
        auto *method = dialog->findChild<QComboBox *>(u"method"_s);
        method->setCurrentIndex(0);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"reference"_s), u"CRO 123"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"recordButton"_s), Qt::LeftButton);
    });
    QTest::mouseClick(editor->findChild<QPushButton *>(u"paymentButton"_s), Qt::LeftButton);
    QVERIFY(pay.handled());
    QCOMPARE(proposed, Ui::formatAmount(eur(1031), u"EUR"_s));
    QCOMPARE(editor->status(), DocumentStatus::PartiallyPaid);
    QCOMPARE(editor->document().paidMinor, eur(300));
    QVERIFY(editor->findChild<QLabel *>(u"status"_s)->text().contains(u"Partially paid"_s));
    QVERIFY(editor->findChild<QLabel *>(u"balance"_s)
                ->text()
                .contains(Ui::formatMoney(eur(731), u"EUR"_s)));
    auto payments = m_ledger->ledger->payments(invoice.id);
    QCOMPARE(payments->size(), 1);
    QCOMPARE(payments->first().reference, u"CRO 123"_s);
    QCOMPARE(payments->first().method, u"bank transfer"_s);
    QVERIFY(m_ledger->changes.contains(u"payment:"_s + payments->first().id));

    // A partial credit note: 2 of the 10 hours of the first line, 2 x 80.00 + 22 % = 195.20.
    QString question;
    ModalDriver credit(u"creditNoteDialog"_s, [](QWidget *dialog) {
        clickIndicator(dialog->findChild<QRadioButton *>(u"partialCredit"_s));
        auto *lines = dialog->findChild<QTableWidget *>(u"lines"_s);
        lines->item(1, CreditNoteDialog::DescriptionColumn)->setCheckState(Qt::Unchecked);
        lines->item(0, CreditNoteDialog::QuantityColumn)->setText(u"2"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"reason"_s), u"Two hours not done"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"issueCreditNoteButton"_s),
                          Qt::LeftButton);
    });
    ModalDriver confirm(u"creditNoteConfirmation"_s, [&question](QWidget *box) {
        question = qobject_cast<QMessageBox *>(box)->text();
        acceptMessageBox(box);
    });
    QTest::mouseClick(editor->findChild<QPushButton *>(u"creditNoteButton"_s), Qt::LeftButton);
    QVERIFY(credit.handled());
    QVERIFY(confirm.handled());
    QVERIFY2(question.contains(u"2026-CN-0001"_s), qPrintable(question));
    QVERIFY2(question.contains(Ui::formatMoney(eur(195, 20), u"EUR"_s)), qPrintable(question));

    QCOMPARE(editor->document().creditedMinor, eur(195, 20));
    QCOMPARE(editor->document().balanceMinor(), eur(1031) - eur(300) - eur(195, 20));
    DocumentQuery query;
    query.kind = DocumentKind::CreditNote;
    query.referenceId = invoice.id;
    auto notes = m_ledger->ledger->documents(query);
    QCOMPARE(notes->items.size(), 1);
    const DocumentSummary note = notes->items.first();
    QCOMPARE(note.number, u"2026-CN-0001"_s);
    QCOMPARE(note.status, DocumentStatus::Issued);
    QCOMPARE(note.totalMinor, eur(195, 20));
    QVERIFY(m_ledger->navigator.calls.contains(u"openDocument:"_s + note.id));
    QVERIFY(m_ledger->changes.contains(u"credit_note:"_s + note.id));
    QVERIFY(editor->findChild<QLabel *>(u"reference"_s)->text().contains(u"2026-CN-0001"_s));

    // The credit note in the editor: read-only, linked to its invoice, no payment or credit.
    InvoiceEditor noteEditor(*m_ledger->ctx, note.id);
    QCOMPARE(noteEditor.kind(), DocumentKind::CreditNote);
    QVERIFY(noteEditor.isReadOnly());
    QVERIFY(noteEditor.findChild<QPushButton *>(u"paymentButton"_s)->isHidden());
    QVERIFY(noteEditor.findChild<QPushButton *>(u"creditNoteButton"_s)->isHidden());
    auto *reference = noteEditor.findChild<QLabel *>(u"reference"_s);
    QVERIFY(reference->text().contains(u"2026-0001"_s));
    Q_EMIT reference->linkActivated(u"doc:"_s + invoice.id);
    QCOMPARE(m_ledger->navigator.calls.last(), u"openDocument:"_s + invoice.id);
}

void TestInvoiceEditor::overpaymentNeedsTheBox()
{
    const Document invoice = issuedInvoice();
    PaymentDialog dialog(*m_ledger->ctx, PaymentTarget::Invoice, invoice.id);
    dialog.show();
    QCOMPARE(dialog.openBalance(), eur(1031));
    auto *amount = dialog.findChild<QLineEdit *>(u"amount"_s);
    amount->selectAll();
    QTest::keyClicks(amount, u"1,100.00"_s);
    const qint64 before = m_ledger->outboxCount();
    Status refused = dialog.record();
    QVERIFY(!refused);
    QCOMPARE(refused.error().rule, u"overpayment"_s);
    QVERIFY(amount->property("kontorFieldError").toBool());
    QVERIFY(dialog.findChild<QLabel *>(u"errorLabel"_s)->text().contains(u"Overpayment"_s));
    QCOMPARE(m_ledger->outboxCount(), before);

    // Ticking the box clears the mark and lets it through.
    clickIndicator(dialog.findChild<QCheckBox *>(u"overpayment"_s));
    QVERIFY(!amount->property("kontorFieldError").toBool());
    QVERIFY(dialog.record());
    QCOMPARE(dialog.payment().amountMinor, eur(1100));
    QVERIFY(dialog.payment().overpayment);
    QCOMPARE(m_ledger->ledger->document(invoice.id)->status, DocumentStatus::Paid);

    // Unreadable amounts are shown at the amount too.
    PaymentDialog again(*m_ledger->ctx, PaymentTarget::Invoice, invoice.id);
    auto *amount2 = again.findChild<QLineEdit *>(u"amount"_s);
    amount2->setText(u"ten"_s);
    QCOMPARE(again.record().error().field, u"amount"_s);
}

void TestInvoiceEditor::duplicateAsNewDraft()
{
    const Document invoice = issuedInvoice();
    InvoiceEditor *editor = openEditor(invoice.id);
    QSignalSpy switched(editor, &InvoiceEditor::documentChanged);
    QTest::mouseClick(editor->findChild<QPushButton *>(u"duplicateButton"_s), Qt::LeftButton);
    QCOMPARE(switched.size(), 1);
    const QString copyId = switched.first().first().toString();
    QVERIFY(copyId != invoice.id);
    QCOMPARE(editor->documentId(), copyId);
    QCOMPARE(editor->status(), DocumentStatus::Draft);
    QVERIFY(!editor->isReadOnly());
    QVERIFY(editor->document().number.isEmpty());
    QCOMPARE(editor->lineModel()->rowCount(), 2);
    QCOMPARE(editor->lineModel()->line(0).description, invoice.lines.first().description);
    QVERIFY(m_ledger->changes.contains(u"invoice:"_s + copyId));
    QVERIFY(editor->findChild<QLabel *>(u"info"_s)->text().contains(u"2026-0001"_s));
}

void TestInvoiceEditor::quoteToInvoice()
{
    InvoiceEditor *editor = openEditor({}, DocumentKind::Quote);
    QCOMPARE(editor->kind(), DocumentKind::Quote);
    QVERIFY(editor->findChild<QPushButton *>(u"issueButton"_s)->isHidden());
    auto *due = editor->findChild<QDateEdit *>(u"dueDate"_s);
    QCOMPARE(due->date(), m_ledger->today.addDays(30)); // valid for 30 days
    pickCustomer(editor, u"Ver"_s, m_verdi);
    editor->addLine();
    auto *picker = qobject_cast<Ui::RecordPicker *>(cellEditor(editor->lineTable()));
    QVERIFY(picker);
    QTest::keyClicks(picker, u"Hosting"_s);
    QTest::keyClick(picker, Qt::Key_Return); // the exact name resolves without the popup
    QTRY_VERIFY(!editor->lineModel()->line(0).productId.isEmpty());
    QVERIFY(editor->saveDraft());
    const QString quoteId = editor->documentId();
    QVERIFY(!quoteId.isEmpty());
    QVERIFY(editor->findChild<QPushButton *>(u"convertButton"_s)->isVisible());

    QSignalSpy switched(editor, &InvoiceEditor::documentChanged);
    QTest::mouseClick(editor->findChild<QPushButton *>(u"convertButton"_s), Qt::LeftButton);
    QCOMPARE(switched.size(), 1);
    QCOMPARE(editor->kind(), DocumentKind::Invoice);
    QCOMPARE(editor->status(), DocumentStatus::Draft);
    QCOMPARE(editor->document().referenceId, quoteId);
    QCOMPARE(editor->lineModel()->line(0).unitPrice, price(10));
    QCOMPARE(m_ledger->ledger->document(quoteId)->status, DocumentStatus::Converted);
    QVERIFY(m_ledger->changes.contains(u"quote:"_s + quoteId));
    QVERIFY(m_ledger->changes.contains(u"invoice:"_s + editor->documentId()));

    // The converted quote opens read-only, pointing at its invoice.
    InvoiceEditor quote(*m_ledger->ctx, quoteId);
    QVERIFY(quote.isReadOnly());
    QVERIFY(quote.findChild<QPushButton *>(u"convertButton"_s)->isHidden());
    QVERIFY(quote.findChild<QLabel *>(u"reference"_s)->text().contains(u"Invoice"_s));
}

void TestInvoiceEditor::invalidLineShowsErrorAtCell()
{
    const Document draft = m_ledger->addDraft(m_bianchi);
    InvoiceEditor *editor = openEditor(draft.id);
    DocumentLineModel *lines = editor->lineModel();
    auto *errorLabel = editor->findChild<QLabel *>(u"errorLabel"_s);
    const qint64 before = m_ledger->outboxCount();
    const QModelIndex quantity = lines->index(0, DocumentLineModel::QuantityColumn);

    // A negative quantity: marked at its cell as soon as it is typed, refused on save.
    typeIntoCell(editor, 0, DocumentLineModel::QuantityColumn, u"-2"_s);
    QCOMPARE(lines->line(0).quantity, -qty(2));
    QVERIFY(!lines->data(quantity, Ui::FieldErrorRole).toString().isEmpty());
    QVERIFY(errorLabel->isVisible());
    QVERIFY2(errorLabel->text().contains(u"must not be negative"_s),
             qPrintable(errorLabel->text()));
    QVERIFY2(errorLabel->text().contains(u"line 1"_s), qPrintable(errorLabel->text()));
    Status saved = editor->saveDraft();
    QVERIFY(!saved);
    QCOMPARE(saved.error().field, u"lines[0].quantity"_s);
    QCOMPARE(saved.error().rule, u"negative-quantity"_s);
    QCOMPARE(editor->lineTable()->currentIndex(), quantity);
    QCOMPARE(m_ledger->outboxCount(), before);
    QCOMPARE(m_ledger->ledger->document(draft.id)->lines.first().quantity, qty(10));

    // Corrected, the mark goes and the draft saves.
    typeIntoCell(editor, 0, DocumentLineModel::QuantityColumn, u"3"_s);
    QVERIFY(lines->data(quantity, Ui::FieldErrorRole).toString().isEmpty());
    QVERIFY(!errorLabel->isVisible());

    // Text that is not a number stays in the cell, marked; nothing is saved.
    typeIntoCell(editor, 1, DocumentLineModel::UnitPriceColumn, u"12,50x"_s);
    const QModelIndex unitPrice = lines->index(1, DocumentLineModel::UnitPriceColumn);
    QCOMPARE(lines->data(unitPrice).toString(), u"12,50x"_s);
    QVERIFY(!lines->data(unitPrice, Ui::FieldErrorRole).toString().isEmpty());
    QCOMPARE(editor->saveDraft().error().rule, u"number-format"_s);
    QCOMPARE(m_ledger->outboxCount(), before);
    typeIntoCell(editor, 1, DocumentLineModel::UnitPriceColumn, u"12.50"_s);

    // A rate that does not exist.
    QVERIFY(lines->setData(lines->index(1, DocumentLineModel::TaxRateColumn), u"17 %"_s));
    QVERIFY(!lines->data(lines->index(1, DocumentLineModel::TaxRateColumn), Ui::FieldErrorRole)
                 .toString()
                 .isEmpty());
    QVERIFY(errorLabel->text().contains(u"tax rate"_s));
    Status refused = editor->saveDraft();
    QCOMPARE(refused.error().rule, u"unknown-tax-rate"_s);
    QCOMPARE(refused.error().field, u"lines[1].taxRate"_s);
    QCOMPARE(m_ledger->outboxCount(), before);
    QVERIFY(lines->setData(lines->index(1, DocumentLineModel::TaxRateColumn), m_ledger->rate10));

    QVERIFY(editor->saveDraft());
    auto stored = m_ledger->ledger->document(draft.id);
    QCOMPARE(stored->lines.at(0).quantity, qty(3));
    QCOMPARE(stored->lines.at(1).unitPrice, price(12, 50));
}

void TestInvoiceEditor::keyboardLineCommands()
{
    const Document draft = m_ledger->addDraft(m_bianchi);
    InvoiceEditor *editor = openEditor(draft.id);
    QTableView *table = editor->lineTable();
    DocumentLineModel *lines = editor->lineModel();
    table->setFocus();
    table->setCurrentIndex(lines->index(0, DocumentLineModel::DescriptionColumn));

    QTest::keyClick(table, Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(lines->line(1).description, u"Consulting"_s);
    QCOMPARE(table->currentIndex().row(), 1);
    QTest::keyClick(table, Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(lines->line(0).description, u"Consulting"_s);

    QTest::keyClick(table, Qt::Key_Insert);
    QCOMPARE(lines->rowCount(), 3);
    QWidget *picker = cellEditor(table);
    QVERIFY(picker);
    QCOMPARE(table->currentIndex().row(), 1);
    QTest::keyClick(picker, Qt::Key_Escape);
    QTRY_VERIFY(table->hasFocus());
    QTest::keyClick(table, Qt::Key_Delete, Qt::ControlModifier);
    QCOMPARE(lines->rowCount(), 2);
    QCOMPARE(lines->line(1).description, u"Printed manual"_s);
    QVERIFY(editor->isDirty());
}

void TestInvoiceEditor::deleteDraft()
{
    const Document draft = m_ledger->addDraft(m_bianchi);
    InvoiceEditor *editor = openEditor(draft.id);
    QSignalSpy finished(editor, &QDialog::finished);
    ModalDriver driver(u"deleteConfirmation"_s, [](QWidget *box) { acceptMessageBox(box); });
    QTest::mouseClick(editor->findChild<QPushButton *>(u"deleteButton"_s), Qt::LeftButton);
    QVERIFY(driver.handled());
    QCOMPARE(finished.size(), 1);
    QVERIFY(!m_ledger->ledger->document(draft.id));
    QVERIFY(m_ledger->changes.contains(u"invoice:"_s + draft.id));
}

void TestInvoiceEditor::pdfPreviewSaveAndSend()
{
    const Document invoice = issuedInvoice();
    PdfPreview preview(*m_ledger->ctx, invoice.id);
    preview.show();
    QVERIFY(QTest::qWaitForWindowExposed(&preview));
    QTRY_VERIFY(preview.pageCount() >= 1);
    saveScreenshot(&preview, u"pdf-preview"_s);
    QVERIFY2(preview.renderError().isEmpty(), qPrintable(preview.renderError()));
    QCOMPARE(preview.suggestedFileName(), u"Invoice 2026-0001.pdf"_s);

    const QString path = m_ledger->dir.filePath(u"saved.pdf"_s);
    QVERIFY(preview.saveAs(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");

    UrlRecorder recorder;
    QDesktopServices::setUrlHandler(u"mailto"_s, &recorder, "open");
    QDesktopServices::setUrlHandler(u"file"_s, &recorder, "open");
    const QString folder = m_ledger->dir.filePath(u"outgoing"_s);
    auto sent = preview.send(folder);
    QDesktopServices::unsetUrlHandler(u"mailto"_s);
    QDesktopServices::unsetUrlHandler(u"file"_s);
    QVERIFY(sent);
    QVERIFY(preview.mailClientOpened());
    QCOMPARE(sent.value(), folder + u"/Invoice 2026-0001.pdf"_s);
    QVERIFY(QFile::exists(sent.value()));
    QCOMPARE(recorder.urls.size(), 2);
    const QUrl mail = recorder.urls.at(0);
    QCOMPARE(mail.scheme(), u"mailto"_s);
    QCOMPARE(mail.path(), m_bianchi.email);
    const QUrlQuery query(mail);
    QVERIFY(query.queryItemValue(u"subject"_s, QUrl::FullyDecoded).contains(u"2026-0001"_s));
    const QString body = query.queryItemValue(u"body"_s, QUrl::FullyDecoded);
    QVERIFY2(body.contains(QDir::toNativeSeparators(sent.value())), qPrintable(body));
    QVERIFY(body.contains(Ui::formatMoney(invoice.totals.payable, u"EUR"_s)));
    QCOMPARE(recorder.urls.at(1), QUrl::fromLocalFile(folder));
}

QTEST_MAIN(TestInvoiceEditor)
#include "tst_invoiceeditor.moc"
