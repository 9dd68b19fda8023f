// The record editors over a real ledger, typed into like a user: customers, products and
// expenses created and edited, the rules they break shown at the field that is wrong (e-mail,
// VAT ID, net + VAT = total, ...) with nothing written, receipts attached and previewed, an
// expense paid; and FieldErrors itself.
#include "customereditor.h"
#include "editortestsupport.h"
#include "expenseeditor.h"
#include "fielderrors.h"
#include "moneyformat.h"
#include "producteditor.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPainter>
#include <QPdfWriter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::EditorTest;

class TestEditors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void fieldErrorsMarksAndClears();
    void expensePdfReceiptPreview();
    void fieldErrorsDescribe();
    void customerCreateAndEdit();
    void customerErrorsAtFields();
    void productCreateAndEdit();
    void productErrorsAtFields();
    void expenseWithReceipts();
    void expenseTotalMustAddUp();
    void expenseRefusesOtherFiles();
    void expenseTakesDroppedFiles();
    void expensePayment();

private:
    QString writePng(const QString &name, const QSize &size);
    QString writePdf(const QString &name);
    static bool marked(QWidget *widget) { return widget->property("kontorFieldError").toBool(); }
    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        // KONTOR_SCREENSHOT_DIR keeps pictures of the editors for a look (and the docs).
        const QString dir = qEnvironmentVariable("KONTOR_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(widget->grab().save(QDir(dir).filePath(name + u".png"_s)));
    }

    std::unique_ptr<EditorLedger> m_ledger;
};

void TestEditors::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestEditors::init()
{
    m_ledger = std::make_unique<EditorLedger>();
    QVERIFY(m_ledger->open());
}

void TestEditors::cleanup()
{
    m_ledger.reset();
}

QString TestEditors::writePng(const QString &name, const QSize &size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(0x24, 0x48, 0x7a));
    const QString path = m_ledger->dir.filePath(name);
    Q_ASSERT(image.save(path, "PNG"));
    return path;
}

QString TestEditors::writePdf(const QString &name)
{
    const QString path = m_ledger->dir.filePath(name);
    QFile file(path);
    Q_ASSERT(file.open(QIODevice::WriteOnly));
    file.write("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    return path;
}

void TestEditors::expensePdfReceiptPreview()
{
    // A real one-page PDF: its first page is the preview where Qt PDF is available.
    const QString realPdf = m_ledger->dir.filePath(u"receipt-scan.pdf"_s);
    {
        QPdfWriter writer(realPdf);
        writer.setPageSize(QPageSize(QPageSize::A5));
        QPainter painter(&writer);
        painter.drawText(QRect(0, 0, 2000, 400), u"Ricevuta 42 · 12,50 €"_s);
    }
    ExpenseEditor editor(*m_ledger->ctx, {});
    editor.resize(900, 700);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QVERIFY(editor.attachFile(realPdf));
    QCOMPARE(editor.receiptCount(), 1);
#ifdef KONTOR_HAVE_QTPDF
    QCOMPARE(editor.previewKind(), u"image"_s);
    const QPixmap page = editor.findChild<QLabel *>(u"previewImage"_s)->pixmap();
    QVERIFY(!page.isNull());
    QVERIFY(page.height() > page.width()); // A5 portrait
#else
    QCOMPARE(editor.previewKind(), u"file"_s);
#endif
}

void TestEditors::fieldErrorsMarksAndClears()
{
    QWidget form;
    auto *name = new QLineEdit(&form);
    auto *label = new QLabel(&form);
    auto *table = new QTableView(&form);
    QStandardItemModel model(3, 2);
    table->setModel(&model);
    form.show();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    const QPalette original = name->palette();

    Ui::FieldErrors errors(&form);
    errors.setMessageLabel(label);
    errors.bind(u"name"_s, name, u"Name"_s);
    errors.bindTable(u"lines"_s, table, {{u"quantity"_s, 1}}, 0, u"Lines"_s);

    QVERIFY(errors.show(validationError(u"name"_s, u"required"_s, u"a value is required"_s)));
    QVERIFY(marked(name));
    QVERIFY(name->palette().color(QPalette::Base) != original.color(QPalette::Base));
    QCOMPARE(name->toolTip(),
             Ui::FieldErrors::describe(validationError(u"name"_s, u"required"_s, {})));
    QVERIFY(name->hasFocus());
    QCOMPARE(name->actions().size(), 1); // the trailing warning icon
    QVERIFY(label->isVisible());
    QVERIFY(label->text().startsWith(u"Name: "_s));
    QCOMPARE(errors.currentField(), u"name"_s);

    // Typing clears the mark and the message.
    QTest::keyClicks(name, u"A"_s);
    QVERIFY(!errors.hasError());
    QVERIFY(!marked(name));
    QCOMPARE(name->palette().color(QPalette::Base), original.color(QPalette::Base));
    QVERIFY(name->actions().isEmpty());
    QVERIFY(name->toolTip().isEmpty());
    QVERIFY(!label->isVisible());

    // A cell: marked through the model's role; only a real edit of that cell clears it.
    QVERIFY(errors.show(validationError(u"lines[2].quantity"_s, u"negative-quantity"_s, {})));
    QCOMPARE(table->currentIndex(), model.index(2, 1));
    QVERIFY(!model.data(model.index(2, 1), Ui::FieldErrorRole).toString().isEmpty());
    QVERIFY(label->text().contains(u"line 3"_s));
    model.setData(model.index(0, 1), u"other"_s);
    QVERIFY(errors.hasError());
    model.setData(model.index(2, 1), u"5"_s);
    QVERIFY(!errors.hasError());
    QVERIFY(!model.data(model.index(2, 1), Ui::FieldErrorRole).isValid());

    // A field bound to nothing still shows its message; a row out of range marks nothing.
    QVERIFY(!errors.show(validationError(u"series"_s, u"series-kind"_s, u"wrong series"_s)));
    QCOMPARE(label->text(), u"Wrong series."_s);
    QVERIFY(!errors.show(validationError(u"lines[9].quantity"_s, u"negative-quantity"_s, {})));
    errors.clear();
    QVERIFY(label->text().isEmpty());

    // Marking without taking the focus, for checks while the user types elsewhere.
    auto *other = new QLineEdit(&form);
    other->show();
    other->setFocus();
    QVERIFY(errors.show(validationError(u"name"_s, u"required"_s, {}), false));
    QVERIFY(other->hasFocus());
}

void TestEditors::fieldErrorsDescribe()
{
    // Known rules are put in words (and translated); unknown ones fall back to the message.
    QVERIFY(Ui::FieldErrors::describe(validationError(u"vatId"_s, u"invalid-vat-id"_s, {}))
                .contains(u"two-letter country prefix"_s));
    QVERIFY(Ui::FieldErrors::describe(validationError(u"total"_s, u"total-mismatch"_s, {}))
                .contains(u"net plus VAT"_s));
    QCOMPARE(Ui::FieldErrors::describe(
                 validationError(u"x"_s, u"brand-new-rule"_s, u"something is off"_s)),
             u"Something is off."_s);
    // The tint says "wrong" on light and dark palettes alike, keeping the palette's lightness.
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
    QVERIFY(Ui::FieldErrors::tint(light).lightness() > 128);
    QVERIFY(Ui::FieldErrors::tint(dark).lightness() < 128);
    QVERIFY(Ui::FieldErrors::tint(light).red() > Ui::FieldErrors::tint(light).blue());
    QVERIFY(Ui::FieldErrors::tint(dark).red() > Ui::FieldErrors::tint(dark).blue());
}

void TestEditors::customerCreateAndEdit()
{
    CustomerEditor editor(*m_ledger->ctx, QString());
    editor.show();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"name"_s), u"Neri & Figli"_s);
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"email"_s), u"amministrazione@neri.example"_s);
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"vatId"_s), u"it 09876543210"_s);
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"billingStreet"_s), u"Via Po 5"_s);
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"billingPostalCode"_s), u"10123"_s);
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"billingCity"_s), u"Torino"_s);
    auto *country = editor.findChild<QComboBox *>(u"billingCountry"_s);
    QCOMPARE(country->currentData().toString(), u"IT"_s); // the company's country
    QTest::keyClicks(country, u"Germ"_s);
    QCOMPARE(country->currentData().toString(), u"DE"_s);
    auto *terms = editor.findChild<QSpinBox *>(u"paymentTerms"_s);
    terms->selectAll();
    QTest::keyClicks(terms, u"45"_s);
    auto *same = editor.findChild<QCheckBox *>(u"sameShipping"_s);
    QVERIFY(same->isChecked());
    clickIndicator(same);
    QVERIFY(!same->isChecked());
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"shippingCity"_s), u"Asti"_s);
    QTest::keyClicks(editor.findChild<QPlainTextEdit *>(u"notes"_s), u"Pays late"_s);

    QTest::keyClick(&editor, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(!editor.customerId().isEmpty());
    QCOMPARE(editor.result(), int(QDialog::Accepted));
    auto stored = m_ledger->ledger->customer(editor.customerId());
    QVERIFY(stored);
    QCOMPARE(stored->name, u"Neri & Figli"_s);
    QCOMPARE(stored->email, u"amministrazione@neri.example"_s);
    QCOMPARE(stored->vatId, u"IT09876543210"_s); // spaces and case normalised
    QCOMPARE(stored->billingAddress.city, u"Torino"_s);
    QCOMPARE(stored->billingAddress.country, u"DE"_s);
    QCOMPARE(stored->shippingAddress.city, u"Asti"_s);
    QCOMPARE(stored->paymentTermsDays, 45);
    QCOMPARE(stored->notes, u"Pays late"_s);
    QVERIFY(stored->currency.isEmpty());
    QVERIFY(m_ledger->changes.contains(u"customer:"_s + stored->id));

    // Edit: the form shows what is stored; archive it.
    CustomerEditor again(*m_ledger->ctx, stored->id);
    again.show();
    QVERIFY(QTest::qWaitForWindowActive(&again));
    auto *email = again.findChild<QLineEdit *>(u"email"_s);
    QCOMPARE(email->text(), stored->email);
    QVERIFY(!again.findChild<QCheckBox *>(u"sameShipping"_s)->isChecked());
    email->selectAll();
    QTest::keyClicks(email, u"conti@neri.example"_s);
    clickIndicator(again.findChild<QCheckBox *>(u"archived"_s));
    QVERIFY(again.save());
    auto edited = m_ledger->ledger->customer(stored->id);
    QCOMPARE(edited->email, u"conti@neri.example"_s);
    QVERIFY(edited->archived);
    QCOMPARE(edited->billingAddress, stored->billingAddress);

    // New invoice for this customer goes through the navigator.
    QTest::mouseClick(again.findChild<QPushButton *>(u"newInvoiceButton"_s), Qt::LeftButton);
    QCOMPARE(m_ledger->navigator.calls.last(), u"newDocument:invoice:"_s + stored->id);
}

void TestEditors::customerErrorsAtFields()
{
    CustomerEditor editor(*m_ledger->ctx, QString());
    editor.show();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    auto *name = editor.findChild<QLineEdit *>(u"name"_s);
    auto *email = editor.findChild<QLineEdit *>(u"email"_s);
    auto *vatId = editor.findChild<QLineEdit *>(u"vatId"_s);
    auto *errorLabel = editor.findChild<QLabel *>(u"errorLabel"_s);
    const qint64 before = m_ledger->outboxCount();

    // No name.
    Status saved = editor.save();
    QCOMPARE(saved.error().field, u"name"_s);
    QVERIFY(marked(name));
    QVERIFY(name->hasFocus());

    QTest::keyClicks(name, u"Gialli"_s);
    QVERIFY(!marked(name));
    QTest::keyClicks(email, u"gialli.example"_s);
    saved = editor.save();
    QCOMPARE(saved.error().rule, u"invalid-email"_s);
    QVERIFY(marked(email));
    QVERIFY(email->hasFocus());
    QVERIFY2(errorLabel->text().startsWith(u"E-mail: "_s), qPrintable(errorLabel->text()));
    QVERIFY(errorLabel->text().contains(u"@"_s));
    QVERIFY(email->toolTip().contains(u"name@example.com"_s));

    email->selectAll();
    QTest::keyClicks(email, u"info@gialli.example"_s);
    QTest::keyClicks(vatId, u"12345"_s);
    saved = editor.save();
    QCOMPARE(saved.error().field, u"vatId"_s);
    QCOMPARE(saved.error().rule, u"invalid-vat-id"_s);
    QVERIFY(marked(vatId));
    QVERIFY(!marked(email));
    QVERIFY(errorLabel->text().startsWith(u"VAT ID: "_s));
    QVERIFY(errorLabel->text().contains(u"country prefix"_s));
    saveScreenshot(&editor, u"customer-editor-error"_s);
    QCOMPARE(m_ledger->outboxCount(), before);
    QVERIFY(editor.customerId().isEmpty());

    QTest::keyClick(vatId, Qt::Key_Backspace);
    QVERIFY(!marked(vatId));
    vatId->clear();
    QVERIFY(editor.save());
    QVERIFY(!editor.customerId().isEmpty());
}

void TestEditors::productCreateAndEdit()
{
    ProductEditor editor(*m_ledger->ctx, QString());
    editor.show();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"name"_s), u"Workshop"_s);
    QTest::keyClicks(editor.findChild<QPlainTextEdit *>(u"description"_s), u"One day on site"_s);
    auto *unit = editor.findChild<QComboBox *>(u"unit"_s);
    QCOMPARE(unit->currentData().toString(), u"C62"_s);
    QVERIFY(unit->itemText(unit->findData(u"HUR"_s)).contains(u"hour"_s));
    unit->lineEdit()->selectAll();
    QTest::keyClicks(unit->lineEdit(), u"day"_s);
    auto *price = editor.findChild<QLineEdit *>(u"unitPrice"_s);
    price->selectAll();
    QTest::keyClicks(price, u"1,250.50"_s);
    auto *rate = editor.findChild<QComboBox *>(u"taxRate"_s);
    QCOMPARE(rate->currentData().toString(), m_ledger->rate22); // the highest standard rate
    const int rate10 = rate->findData(m_ledger->rate10);
    while (rate->currentIndex() < rate10)
        QTest::keyClick(rate, Qt::Key_Down);
    while (rate->currentIndex() > rate10)
        QTest::keyClick(rate, Qt::Key_Up);
    QCOMPARE(rate->currentData().toString(), m_ledger->rate10);
    QTest::mouseClick(editor.findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!editor.productId().isEmpty());

    auto stored = m_ledger->ledger->product(editor.productId());
    QCOMPARE(stored->name, u"Workshop"_s);
    QCOMPARE(stored->description, u"One day on site"_s);
    QCOMPARE(stored->unit, u"DAY"_s);
    QCOMPARE(stored->unitPrice, EditorTest::price(1250, 50));
    QCOMPARE(stored->taxRateId, m_ledger->rate10);
    QVERIFY(m_ledger->changes.contains(u"product:"_s + stored->id));

    ProductEditor again(*m_ledger->ctx, stored->id);
    auto *price2 = again.findChild<QLineEdit *>(u"unitPrice"_s);
    QCOMPARE(price2->text(), Ui::formatUnitPrice(stored->unitPrice, u"EUR"_s));
    QCOMPARE(again.findChild<QComboBox *>(u"unit"_s)->currentData().toString(), u"DAY"_s);
    price2->setText(u"12.3456"_s);
    QVERIFY(again.save());
    QCOMPARE(m_ledger->ledger->product(stored->id)->unitPrice, 123456);
}

void TestEditors::productErrorsAtFields()
{
    ProductEditor editor(*m_ledger->ctx, QString());
    editor.show();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    const qint64 before = m_ledger->outboxCount();
    auto *name = editor.findChild<QLineEdit *>(u"name"_s);
    auto *price = editor.findChild<QLineEdit *>(u"unitPrice"_s);
    QCOMPARE(editor.save().error().field, u"name"_s);
    QVERIFY(marked(name));
    QTest::keyClicks(name, u"Support"_s);
    price->selectAll();
    QTest::keyClicks(price, u"ten"_s);
    Status saved = editor.save();
    QCOMPARE(saved.error().field, u"unitPrice"_s);
    QCOMPARE(saved.error().rule, u"number-format"_s);
    QVERIFY(marked(price));
    price->selectAll();
    QTest::keyClicks(price, u"-5"_s);
    saved = editor.save();
    QCOMPARE(saved.error().rule, u"negative-price"_s);
    QVERIFY(marked(price));
    auto *unit = editor.findChild<QComboBox *>(u"unit"_s);
    price->selectAll();
    QTest::keyClicks(price, u"5"_s);
    unit->lineEdit()->selectAll();
    QTest::keyClicks(unit->lineEdit(), u"hours"_s);
    saved = editor.save();
    QCOMPARE(saved.error().field, u"unit"_s);
    QVERIFY(marked(unit));
    saveScreenshot(&editor, u"product-editor-error"_s);
    QVERIFY(editor.findChild<QLabel *>(u"errorLabel"_s)->text().contains(u"C62"_s));
    QCOMPARE(m_ledger->outboxCount(), before);
}

void TestEditors::expenseWithReceipts()
{
    ExpenseEditor editor(*m_ledger->ctx, QString());
    editor.show();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    QCOMPARE(editor.previewKind(), u"none"_s);
    QVERIFY(!editor.findChild<QPushButton *>(u"recordPaymentButton"_s)->isEnabled());
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"supplier"_s), u"Cartoleria Sole"_s);
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"supplierVatId"_s), u"IT11122233344"_s);
    auto *category = editor.findChild<QComboBox *>(u"category"_s);
    QTest::keyClicks(category->lineEdit(), u"Office"_s);
    auto *net = editor.findChild<QLineEdit *>(u"net"_s);
    auto *vat = editor.findChild<QLineEdit *>(u"vat"_s);
    auto *total = editor.findChild<QLineEdit *>(u"total"_s);
    QTest::keyClicks(net, u"100.00"_s);
    QTest::keyClicks(vat, u"22"_s);
    QCOMPARE(total->text(), Ui::formatAmount(eur(122), u"EUR"_s)); // follows net + VAT

    // An image: previewed scaled.
    const QString png = writePng(u"receipt.png"_s, QSize(1200, 1600));
    QVERIFY(editor.attachFile(png));
    QCOMPARE(editor.receiptCount(), 1);
    QCOMPARE(editor.previewKind(), u"image"_s);
    auto *image = editor.findChild<QLabel *>(u"previewImage"_s);
    QVERIFY(!image->pixmap().isNull());
    QVERIFY(image->pixmap().height() < 1600);
    QVERIFY(qAbs(image->pixmap().width() * 4 / 3 - image->pixmap().height()) <= 2);

    // A PDF: a card with its name and size.
    const QString pdf = writePdf(u"invoice-from-supplier.pdf"_s);
    QVERIFY(editor.attachFile(pdf));
    QCOMPARE(editor.receiptCount(), 2);
    QCOMPARE(editor.previewKind(), u"file"_s);
    QCOMPARE(editor.findChild<QLabel *>(u"previewFileName"_s)->text(),
             u"invoice-from-supplier.pdf"_s);
    QVERIFY(!editor.findChild<QLabel *>(u"previewFileSize"_s)->text().isEmpty());
    editor.showReceipt(0);
    QCOMPARE(editor.previewKind(), u"image"_s);

    saveScreenshot(&editor, u"expense-editor"_s);

    QVERIFY(editor.save());
    QVERIFY(!editor.expenseId().isEmpty());
    auto stored = m_ledger->ledger->expense(editor.expenseId());
    QCOMPARE(stored->supplier, u"Cartoleria Sole"_s);
    QCOMPARE(stored->category, u"Office"_s);
    QCOMPARE(stored->netMinor, eur(100));
    QCOMPARE(stored->vatMinor, eur(22));
    QCOMPARE(stored->totalMinor, eur(122));
    QCOMPARE(stored->receipts.size(), 2);
    QVERIFY(m_ledger->changes.contains(u"expense:"_s + stored->id));

    // Opened again: the stored receipts, loaded for the preview and saved elsewhere intact.
    ExpenseEditor again(*m_ledger->ctx, stored->id);
    again.show();
    QCOMPARE(again.receiptCount(), 2);
    int pngRow = stored->receipts.at(0).mimeType == u"image/png"_s ? 0 : 1;
    again.showReceipt(pngRow);
    QCOMPARE(again.previewKind(), u"image"_s);
    again.showReceipt(1 - pngRow);
    QCOMPARE(again.previewKind(), u"file"_s);
    const QString copy = m_ledger->dir.filePath(u"copy.png"_s);
    QVERIFY(again.saveReceiptAs(pngRow, copy));
    QFile a(png), b(copy);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(b.readAll(), a.readAll());

    // A receipt added to a stored expense is written with the next save.
    const qint64 before = m_ledger->outboxCount();
    QVERIFY(again.attachFile(writePng(u"second.png"_s, QSize(40, 40))));
    QCOMPARE(m_ledger->outboxCount(), before);
    QVERIFY(again.save());
    QCOMPARE(m_ledger->ledger->expense(stored->id)->receipts.size(), 3);
}

void TestEditors::expenseTotalMustAddUp()
{
    ExpenseEditor editor(*m_ledger->ctx, QString());
    editor.show();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    const qint64 before = m_ledger->outboxCount();
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"supplier"_s), u"Taxi"_s);
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"net"_s), u"100"_s);
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"vat"_s), u"22"_s);
    auto *total = editor.findChild<QLineEdit *>(u"total"_s);
    total->selectAll();
    QTest::keyClicks(total, u"120"_s);
    auto *hint = editor.findChild<QLabel *>(u"totalHint"_s);
    QVERIFY(!hint->isHidden());
    QVERIFY(hint->text().contains(Ui::formatMoney(eur(122), u"EUR"_s)));

    Status saved = editor.save();
    QCOMPARE(saved.error().field, u"total"_s);
    QCOMPARE(saved.error().rule, u"total-mismatch"_s);
    QVERIFY(marked(total));
    QVERIFY(editor.findChild<QLabel *>(u"errorLabel"_s)
                ->text()
                .contains(u"The total must equal net plus VAT"_s));
    QCOMPARE(m_ledger->outboxCount(), before);
    QVERIFY(editor.expenseId().isEmpty());

    // A bad supplier VAT ID, at its field.
    total->selectAll();
    QTest::keyClicks(total, u"122"_s);
    QVERIFY(!marked(total));
    QVERIFY(hint->isHidden());
    auto *vatId = editor.findChild<QLineEdit *>(u"supplierVatId"_s);
    QTest::keyClicks(vatId, u"X1"_s);
    QCOMPARE(editor.save().error().field, u"supplierVatId"_s);
    QVERIFY(marked(vatId));
    vatId->clear();
    QVERIFY(editor.save());
}

void TestEditors::expenseRefusesOtherFiles()
{
    ExpenseEditor editor(*m_ledger->ctx, QString());
    const QString text = m_ledger->dir.filePath(u"notes.txt"_s);
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a receipt");
    file.close();
    Status attached = editor.attachFile(text);
    QCOMPARE(attached.error().rule, u"unsupported-type"_s);
    QCOMPARE(editor.receiptCount(), 0);
    QVERIFY(marked(editor.findChild<QListWidget *>(u"receipts"_s)));
    QVERIFY(!editor.attachFile(m_ledger->dir.filePath(u"missing.png"_s)));
}

void TestEditors::expenseTakesDroppedFiles()
{
    ExpenseEditor editor(*m_ledger->ctx, QString());
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(writePng(u"dropped.png"_s, QSize(30, 40))),
                  QUrl::fromLocalFile(writePdf(u"dropped.pdf"_s))});
    const QPointF where(editor.width() / 2.0, editor.height() / 2.0);
    QDragEnterEvent enter(where.toPoint(), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&editor, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(where, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&editor, &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(editor.receiptCount(), 2);
    QCOMPARE(editor.previewKind(), u"file"_s);
    editor.showReceipt(0);
    QCOMPARE(editor.previewKind(), u"image"_s);

    // Something that is no file is not taken.
    QMimeData text;
    text.setText(u"hello"_s);
    QDragEnterEvent refused(where.toPoint(), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QApplication::sendEvent(&editor, &refused);
    QVERIFY(!refused.isAccepted());
}

void TestEditors::expensePayment()
{
    Expense e;
    e.supplier = u"Hosting Co"_s;
    e.date = m_ledger->today;
    e.netMinor = eur(50);
    e.vatMinor = eur(11);
    e.totalMinor = eur(61);
    auto stored = m_ledger->ledger->addExpense(e);
    QVERIFY(stored);

    ExpenseEditor editor(*m_ledger->ctx, stored->id);
    editor.show();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    auto *pay = editor.findChild<QPushButton *>(u"recordPaymentButton"_s);
    QVERIFY(pay->isEnabled());
    ModalDriver driver(u"paymentDialog"_s, [](QWidget *dialog) {
        auto *amount = dialog->findChild<QLineEdit *>(u"amount"_s);
        QCOMPARE(amount->text(), Ui::formatAmount(eur(61), u"EUR"_s));
        amount->selectAll();
        QTest::keyClicks(amount, u"20.00"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"recordButton"_s), Qt::LeftButton);
    });
    QTest::mouseClick(pay, Qt::LeftButton);
    QVERIFY(driver.handled());
    QCOMPARE(m_ledger->ledger->expense(stored->id)->paidMinor, eur(20));
    QVERIFY(
        editor.findChild<QLabel *>(u"paid"_s)->text().contains(Ui::formatMoney(eur(20), u"EUR"_s)));
    QVERIFY(m_ledger->changes.contains(u"expense:"_s + stored->id));
}

QTEST_MAIN(TestEditors)
#include "tst_editors.moc"
