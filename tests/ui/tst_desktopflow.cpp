// The whole desktop end to end, over a real temporary ledger and driven like a user: a customer
// and a product made in their editors, an invoice built in the editor opened by Ctrl+N (customer
// and product picked by typing, a second line typed cell by cell, live totals), issued with the
// confirmation that shows its number, paid in part, corrected by a credit note for one line —
// and then what the rest of the window says about it: the invoice and credit-note lists, the
// status bar and the dashboard.
#include "creditnotedialog.h"
#include "customereditor.h"
#include "dashboardpage.h"
#include "documentlinemodel.h"
#include "documentlistmodel.h"
#include "documentlistpage.h"
#include "editortestsupport.h"
#include "invoiceeditor.h"
#include "localsyncfeed.h"
#include "mainwindow.h"
#include "moneyformat.h"
#include "producteditor.h"
#include "recordpicker.h"
#include "shelltestsupport.h"

#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTableWidget>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::EditorTest;
using Ui::DocumentLineModel;

// A helper's QVERIFY returns from the helper only; the flow stops at its first failed step.
#define STEP(call)                                                                                 \
    do {                                                                                           \
        call;                                                                                      \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

class TestDesktopFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void invoiceToDashboard();

private:
    template<typename T> T *openDialog(MainWindow &window);
    static QWidget *cellEditor(QTableView *table);
    static void typeIntoCell(InvoiceEditor *editor, int row, int column, const QString &text);
    static void pickFromPopup(Ui::RecordPicker *picker, const QString &typed);
    static void reactivate(QWidget *window);

    QTemporaryDir m_settingsDir;
};

void TestDesktopFlow::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    Test::isolateSettings(m_settingsDir);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

// The dialog of type T the window shows in front (the active modal one), once it is open.
template<typename T> T *TestDesktopFlow::openDialog(MainWindow &window)
{
    T *found = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            for (T *dialog : window.findChildren<T *>())
                if (dialog->isVisible() && dialog == QApplication::activeModalWidget())
                    found = dialog;
            return found != nullptr;
        },
        3000);
    return shown ? found : nullptr;
}

QWidget *TestDesktopFlow::cellEditor(QTableView *table)
{
    // The editor of a cell lives in the view's viewport and has the focus; a closed one is
    // hidden at once and deleted later, so it is skipped.
    QWidget *focus = nullptr;
    const bool found = QTest::qWaitFor(
        [&] {
            focus = QApplication::focusWidget();
            return focus && focus->isVisible() && table->viewport()->isAncestorOf(focus);
        },
        3000);
    return found ? focus : nullptr;
}

void TestDesktopFlow::typeIntoCell(InvoiceEditor *editor, int row, int column, const QString &text)
{
    // Whatever popup came and went before, the user types into the editor in front.
    STEP(reactivate(editor));
    QTableView *table = editor->lineTable();
    table->setFocus();
    table->setCurrentIndex(editor->lineModel()->index(row, column));
    QTest::keyClick(table, Qt::Key_F2);
    auto *edit = qobject_cast<QLineEdit *>(cellEditor(table));
    QVERIFY2(edit, "no text editor opened in the cell");
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY(!table->viewport()->isAncestorOf(QApplication::focusWidget()));
}

void TestDesktopFlow::pickFromPopup(Ui::RecordPicker *picker, const QString &typed)
{
    QTest::keyClicks(picker, typed);
    QWidget *popup = picker->popupCompleter()->popup();
    QTRY_VERIFY(popup->isVisible());
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
}

void TestDesktopFlow::reactivate(QWidget *window)
{
    // The offscreen platform activates a popup when it opens and no window when it closes, and
    // does not activate a window-modal dialog shown over the main window; a desktop gives the
    // activation to the window in front. A click on a label of the window does that here, as the
    // user's click would.
    auto *label = window->findChild<QLabel *>(u"title"_s);
    if (!label)
        label = window->findChild<QLabel *>(u"syncStatusLabel"_s);
    QVERIFY(label);
    window->activateWindow();
    QTest::mouseClick(label, Qt::LeftButton);
    QTRY_COMPARE(QApplication::activeWindow(), window);
}

void TestDesktopFlow::invoiceToDashboard()
{
    EditorLedger books; // frozen "today": 9 March 2026
    QVERIFY(books.open(false));
    LocalSyncFeed feed(*books.store, books.events, books.sync);
    UiContext &ctx = *books.ctx;
    const QString eurCode = u"EUR"_s;
    auto money = [&eurCode](qint64 minor) { return Ui::formatMoney(minor, eurCode); };

    MainWindow window(ctx);
    QCOMPARE(ctx.navigator, static_cast<Navigator *>(&window));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    // A customer, through the New Customer action.
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QPointer<CustomerEditor> customerEditor = openDialog<CustomerEditor>(window);
    QVERIFY(customerEditor);
    QTest::keyClicks(customerEditor->findChild<QLineEdit *>(u"name"_s), u"Lumen Design GmbH"_s);
    QTest::keyClicks(customerEditor->findChild<QLineEdit *>(u"email"_s),
                     u"billing@lumen.example"_s);
    auto *country = customerEditor->findChild<QComboBox *>(u"billingCountry"_s);
    QVERIFY(country);
    QTest::keyClicks(country, u"Germ"_s);
    QCOMPARE(country->currentData().toString(), u"DE"_s);
    QTest::mouseClick(customerEditor->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!customerEditor || !customerEditor->isVisible());
    auto customers = books.ledger->customers(CustomerQuery {});
    QVERIFY(customers);
    QCOMPARE(customers->items.size(), 1);
    const Customer customer = customers->items.first();
    QCOMPARE(customer.name, u"Lumen Design GmbH"_s);
    QCOMPARE(customer.email, u"billing@lumen.example"_s);
    QCOMPARE(customer.billingAddress.country, u"DE"_s);

    // A product, through the navigator as the product list's "New" button does.
    window.openProduct({});
    QPointer<ProductEditor> productEditor = openDialog<ProductEditor>(window);
    QVERIFY(productEditor);
    QTest::keyClicks(productEditor->findChild<QLineEdit *>(u"name"_s), u"Website audit"_s);
    auto *unitPrice = productEditor->findChild<QLineEdit *>(u"unitPrice"_s);
    unitPrice->selectAll();
    QTest::keyClicks(unitPrice, u"450.00"_s);
    auto *rate = productEditor->findChild<QComboBox *>(u"taxRate"_s);
    const int rate22 = rate->findData(books.rate22);
    QVERIFY(rate22 >= 0);
    while (rate->currentIndex() < rate22)
        QTest::keyClick(rate, Qt::Key_Down);
    while (rate->currentIndex() > rate22)
        QTest::keyClick(rate, Qt::Key_Up);
    QTest::mouseClick(productEditor->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!productEditor || !productEditor->isVisible());
    auto products = books.ledger->products(ProductQuery {});
    QVERIFY(products);
    QCOMPARE(products->items.size(), 1);
    const Product product = products->items.first();
    QCOMPARE(product.unitPrice, price(450));
    QCOMPARE(product.taxRateId, books.rate22);

    // A new invoice with Ctrl+N.
    STEP(reactivate(&window));
    QTest::keySequence(&window, QKeySequence::New);
    QPointer<InvoiceEditor> editor = openDialog<InvoiceEditor>(window);
    QVERIFY(editor);
    QVERIFY(editor->documentId().isEmpty());
    QCOMPARE(editor->kind(), DocumentKind::Invoice);
    STEP(reactivate(editor));

    auto *customerPicker = editor->findChild<Ui::RecordPicker *>(u"customerPicker"_s);
    QVERIFY(customerPicker);
    customerPicker->setFocus();
    STEP(pickFromPopup(customerPicker, u"lum"_s));
    STEP(reactivate(editor));
    QTRY_COMPARE(customerPicker->currentId(), customer.id);
    QCOMPARE(customerPicker->text(), customer.name);

    // Line 1: the product, picked by typing, then 2 of it.
    auto *addLine = editor->findChild<QPushButton *>(u"addLineButton"_s);
    QTest::mouseClick(addLine, Qt::LeftButton);
    QTableView *table = editor->lineTable();
    DocumentLineModel *lines = editor->lineModel();
    auto *productPicker = qobject_cast<Ui::RecordPicker *>(cellEditor(table));
    QVERIFY(productPicker);
    STEP(pickFromPopup(productPicker, u"websi"_s));
    STEP(reactivate(editor));
    QTRY_COMPARE(lines->line(0).productId, product.id);
    QCOMPARE(lines->line(0).unitPrice, price(450));
    QCOMPARE(lines->line(0).taxRateId, books.rate22);
    STEP(typeIntoCell(editor, 0, DocumentLineModel::QuantityColumn, u"2"_s));
    QTRY_COMPARE(lines->line(0).quantity, qty(2));

    // Line 2: no product; description, quantity and price typed.
    QTest::mouseClick(addLine, Qt::LeftButton);
    QTRY_COMPARE(lines->rowCount(), 2);
    auto *freeText = qobject_cast<Ui::RecordPicker *>(cellEditor(table));
    QVERIFY(freeText);
    QTest::keyClicks(freeText, u"Travel expenses"_s);
    QTest::keyClick(freeText, Qt::Key_Tab); // no such product: the text is the description
    QTRY_COMPARE(lines->line(1).description, u"Travel expenses"_s);
    QVERIFY(lines->line(1).productId.isEmpty());
    if (QWidget *open = cellEditor(table))
        QTest::keyClick(open, Qt::Key_Escape);
    QTRY_VERIFY(!table->viewport()->isAncestorOf(QApplication::focusWidget()));
    STEP(typeIntoCell(editor, 1, DocumentLineModel::QuantityColumn, u"1"_s));
    STEP(typeIntoCell(editor, 1, DocumentLineModel::UnitPriceColumn, u"120.00"_s));
    QTRY_COMPARE(lines->line(1).unitPrice, price(120));
    QCOMPARE(lines->line(1).quantity, qty(1));
    QCOMPARE(lines->line(1).taxRateId, books.rate22); // the highest standard rate

    // Live totals: 900.00 + 120.00 at 22 %.
    const qint64 net = eur(1020);
    const qint64 vat = eur(224, 40);
    const qint64 total = eur(1244, 40);
    auto label
        = [&editor](const QString &name) { return editor->findChild<QLabel *>(name)->text(); };
    QTRY_COMPARE(label(u"netTotal"_s), money(net));
    QCOMPARE(label(u"vatTotal"_s), money(vat));
    QCOMPARE(label(u"grandTotal"_s), money(total));

    // Issue, accepting the question that shows the number.
    QString question;
    ModalDriver issueDriver(u"issueConfirmation"_s, [&question](QWidget *box) {
        question = qobject_cast<QMessageBox *>(box)->text();
        acceptMessageBox(box);
    });
    QTest::mouseClick(editor->findChild<QPushButton *>(u"issueButton"_s), Qt::LeftButton);
    QTRY_VERIFY(issueDriver.handled());
    QTRY_COMPARE(editor->status(), DocumentStatus::Issued);
    const QString invoiceId = editor->documentId();
    const QString invoiceNumber = editor->document().number;
    QVERIFY(!invoiceNumber.isEmpty());
    QVERIFY2(question.contains(invoiceNumber), qPrintable(question));
    QCOMPARE(editor->document().totals.payable, total);
    QVERIFY(editor->isReadOnly());

    // A partial payment, typed below the total.
    const qint64 paid = eur(500);
    ModalDriver payDriver(u"paymentDialog"_s, [](QWidget *dialog) {
        auto *amount = dialog->findChild<QLineEdit *>(u"amount"_s);
        amount->selectAll();
        QTest::keyClicks(amount, u"500.00"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"recordButton"_s), Qt::LeftButton);
    });
    QTest::mouseClick(editor->findChild<QPushButton *>(u"paymentButton"_s), Qt::LeftButton);
    QVERIFY(payDriver.handled());
    QTRY_COMPARE(editor->status(), DocumentStatus::PartiallyPaid);
    QCOMPARE(editor->document().paidMinor, paid);

    // A credit note for the second line only (1 x 120.00 + 22 % = 146.40), issued at once.
    const qint64 credited = eur(146, 40);
    QString creditQuestion;
    ModalDriver creditDriver(u"creditNoteDialog"_s, [](QWidget *dialog) {
        clickIndicator(dialog->findChild<QRadioButton *>(u"partialCredit"_s));
        auto *rows = dialog->findChild<QTableWidget *>(u"lines"_s);
        rows->item(0, CreditNoteDialog::DescriptionColumn)->setCheckState(Qt::Unchecked);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"reason"_s), u"Travel not needed"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"issueCreditNoteButton"_s),
                          Qt::LeftButton);
    });
    ModalDriver creditConfirm(u"creditNoteConfirmation"_s, [&creditQuestion](QWidget *box) {
        creditQuestion = qobject_cast<QMessageBox *>(box)->text();
        acceptMessageBox(box);
    });
    QTest::mouseClick(editor->findChild<QPushButton *>(u"creditNoteButton"_s), Qt::LeftButton);
    QVERIFY(creditDriver.handled());
    QVERIFY(creditConfirm.handled());
    QTRY_COMPARE(editor->document().creditedMinor, credited);
    const qint64 balance = total - paid - credited; // 598.00
    QCOMPARE(editor->document().balanceMinor(), balance);
    QCOMPARE(books.ledger->document(invoiceId)->balanceMinor(), balance);

    DocumentQuery noteQuery;
    noteQuery.kind = DocumentKind::CreditNote;
    auto notes = books.ledger->documents(noteQuery);
    QVERIFY(notes);
    QCOMPARE(notes->items.size(), 1);
    const DocumentSummary note = notes->items.first();
    QCOMPARE(note.status, DocumentStatus::Issued);
    QCOMPARE(note.totalMinor, credited);
    QVERIFY2(creditQuestion.contains(note.number), qPrintable(creditQuestion));
    // The window opened the new credit note in front of the invoice.
    QPointer<InvoiceEditor> noteEditor;
    QTRY_VERIFY((noteEditor = openDialog<InvoiceEditor>(window))
                && noteEditor->documentId() == note.id);
    QVERIFY(noteEditor->isReadOnly());

    Test::closeDialogs();
    QTRY_VERIFY(!QApplication::activeModalWidget());

    // The invoices list: partially paid, with what is left to pay.
    window.showPage(Navigator::Page::Invoices);
    DocumentListModel *invoices = window.documentPage(DocumentKind::Invoice)->model();
    QTRY_COMPARE(invoices->rowCount(), 1);
    auto cell = [](DocumentListModel *m, int column, int role = Qt::DisplayRole) {
        return m->data(m->index(0, column), role);
    };
    QTRY_COMPARE(cell(invoices, DocumentListModel::StatusColumn).toString(), u"Partially paid"_s);
    QCOMPARE(cell(invoices, DocumentListModel::NumberColumn).toString(), invoiceNumber);
    QCOMPARE(cell(invoices, DocumentListModel::BalanceColumn, Qt::EditRole).toLongLong(), balance);
    QCOMPARE(cell(invoices, DocumentListModel::TotalColumn, Qt::EditRole).toLongLong(), total);

    // The credit notes list.
    window.showPage(Navigator::Page::CreditNotes);
    DocumentListModel *creditNotes = window.documentPage(DocumentKind::CreditNote)->model();
    QTRY_COMPARE(creditNotes->rowCount(), 1);
    QCOMPARE(cell(creditNotes, DocumentListModel::NumberColumn).toString(), note.number);
    QCOMPARE(cell(creditNotes, DocumentListModel::TotalColumn, Qt::EditRole).toLongLong(),
             credited);

    // The status bar: local only, with every change counted.
    const qint64 changes = books.outboxCount();
    QVERIFY(changes > 0);
    QTRY_COMPARE(books.sync.pendingChanges(), changes);
    QCOMPARE(books.sync.state(), SyncStatus::State::LocalOnly);
    QTRY_VERIFY(window.syncLabel()->text().contains(u"Local only"_s));
    QVERIFY2(window.syncLabel()->text().contains(QString::number(changes)),
             qPrintable(window.syncLabel()->text()));

    // The dashboard: March's revenue is the invoice net of the credit note; outstanding is the
    // balance.
    window.showPage(Navigator::Page::Dashboard);
    auto *dashboard = qobject_cast<DashboardPage *>(window.page(Navigator::Page::Dashboard));
    QVERIFY(dashboard);
    QCOMPARE(dashboard->year(), books.today.year());
    dashboard->refresh();
    QTRY_VERIFY(!dashboard->isStale());
    QVERIFY2(dashboard->errorText().isEmpty(), qPrintable(dashboard->errorText()));
    QCOMPARE(dashboard->revenueMinor(books.today.month()), net - eur(120));
    QCOMPARE(dashboard->outstandingMinor(), balance);
}

QTEST_MAIN(TestDesktopFlow)
#include "tst_desktopflow.moc"
