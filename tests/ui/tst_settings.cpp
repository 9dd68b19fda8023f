// The Settings page over a real ledger: the company profile (with logo and bank details) saved
// by typing, IBAN and exemption-reason errors shown at their fields, tax rates added, edited and
// archived, number series added, and the language chosen.
#include "seriesdialog.h"
#include "settingspage.h"
#include "shelltestsupport.h"
#include "taxratedialog.h"
#include "translations.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::Test;

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void editCompanyProfileIsSaved();
    void invalidIbanIsShownAtTheField();
    void logoLoadPreviewAndRemove();
    void notAnImageIsRefused();
    void reverseChargeWithoutReasonIsShownAtTheField();
    void editAndArchiveTaxRate();
    void addSeries();
    void duplicatePrefixIsShownAtTheField();
    void languageIsStoredAndApplied();

private:
    template<typename T> T *field(const QString &name)
    {
        auto *w = m_page->findChild<T *>(name);
        if (!w)
            qWarning() << "no field" << name;
        return w;
    }
    template<typename D> D *openDialog(const QString &buttonName)
    {
        QTest::mouseClick(field<QPushButton>(buttonName), Qt::LeftButton);
        D *dialog = m_page->findChild<D *>();
        // Null (and the test fails at its first use) when the dialog did not open or show.
        if (dialog && !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        return dialog;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<ShellLedger> m_ledger;
    std::unique_ptr<SettingsPage> m_page;
};

void TestSettings::initTestCase()
{
    QVERIFY(m_dir.isValid());
    isolateSettings(m_dir);
}

void TestSettings::init()
{
    m_ledger = std::make_unique<ShellLedger>();
    QVERIFY(m_ledger->open());
    m_page = std::make_unique<SettingsPage>(*m_ledger->ctx);
    m_page->resize(1000, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestSettings::cleanup()
{
    closeDialogs();
    m_page.reset();
    m_ledger.reset();
}

void TestSettings::editCompanyProfileIsSaved()
{
    QSignalSpy changed(&m_ledger->events, &LedgerEvents::changed);
    auto *save = field<QPushButton>(u"saveCompany"_s);
    QVERIFY(!save->isEnabled()); // nothing to save yet
    QCOMPARE(field<QLineEdit>(u"companyName"_s)->text(), u"Studio Rossi"_s);

    auto *street = field<QLineEdit>(u"street"_s);
    QTest::keyClicks(street, u"Via Roma 1"_s);
    QTest::keyClicks(field<QLineEdit>(u"city"_s), u"Bologna"_s);
    QTest::keyClicks(field<QLineEdit>(u"email"_s), u"conti@studiorossi.it"_s);
    auto *terms = field<QSpinBox>(u"paymentTerms"_s);
    terms->selectAll();
    QTest::keyClicks(terms, u"45"_s);
    QTest::keyClicks(field<QLineEdit>(u"bankName"_s), u"Banca di Bologna"_s);
    // Written in groups of four, as on a bank statement.
    QTest::keyClicks(field<QLineEdit>(u"iban"_s), u"IT60 X054 2811 1010 0000 0123 456"_s);
    QTest::keyClicks(field<QLineEdit>(u"bic"_s), u"bcititmm"_s);
    QVERIFY(save->isEnabled());
    QVERIFY(m_page->companyModified());
    QTest::mouseClick(save, Qt::LeftButton);

    const CompanyProfile c = m_ledger->ledger->company().value();
    QCOMPARE(c.address.street, u"Via Roma 1"_s);
    QCOMPARE(c.address.city, u"Bologna"_s);
    QCOMPARE(c.email, u"conti@studiorossi.it"_s);
    QCOMPARE(c.paymentTermsDays, 45);
    QCOMPARE(c.bankName, u"Banca di Bologna"_s);
    QCOMPARE(c.iban, u"IT60X0542811101000000123456"_s);
    QCOMPARE(c.bic, u"BCITITMM"_s);
    QCOMPARE(c.name, u"Studio Rossi"_s); // untouched fields kept
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), u"company"_s);
    QVERIFY(!save->isEnabled());
    QCOMPARE(field<QLabel>(u"companyStatus"_s)->text(), u"Saved."_s);

    // The currency is chosen from the list; Ctrl+S saves from the keyboard.
    auto *currency = field<QComboBox>(u"currency"_s);
    currency->setFocus();
    QTest::keyClicks(currency, u"CHF"_s);
    QCOMPARE(currency->currentData().toString(), u"CHF"_s);
    QTest::keySequence(currency, QKeySequence::Save);
    QCOMPARE(m_ledger->ledger->company()->currency, u"CHF"_s);
}

void TestSettings::invalidIbanIsShownAtTheField()
{
    const CompanyProfile before = m_ledger->ledger->company().value();
    const qint64 outbox = m_ledger->store->outboxCount().value();
    auto *iban = field<QLineEdit>(u"iban"_s);
    QTest::keyClicks(iban, u"IT61X0542811101000000123456"_s); // check digits off by one
    QTest::mouseClick(field<QPushButton>(u"saveCompany"_s), Qt::LeftButton);

    auto *error = field<QLabel>(u"companyError"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().startsWith(u"IBAN: "_s), qPrintable(error->text()));
    QVERIFY2(error->text().contains(u"check digits"_s), qPrintable(error->text()));
    QVERIFY(!iban->toolTip().isEmpty());
    QVERIFY(iban->hasFocus());
    QCOMPARE(m_ledger->ledger->company().value(), before);
    QCOMPARE(m_ledger->store->outboxCount().value(), outbox);

    // A wrong BIC likewise, once the IBAN is right.
    iban->clear();
    QTest::keyClicks(iban, u"IT60X0542811101000000123456"_s);
    QVERIFY(iban->toolTip().isEmpty());
    auto *bic = field<QLineEdit>(u"bic"_s);
    QTest::keyClicks(bic, u"BCIT1"_s);
    QTest::mouseClick(field<QPushButton>(u"saveCompany"_s), Qt::LeftButton);
    QVERIFY2(error->text().startsWith(u"BIC: "_s), qPrintable(error->text()));
    QVERIFY(bic->hasFocus());
    QCOMPARE(m_ledger->ledger->company().value(), before);
}

void TestSettings::logoLoadPreviewAndRemove()
{
    QImage image(120, 60, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    {
        QPainter p(&image);
        p.fillRect(10, 10, 40, 40, QColor(0x24, 0x48, 0x7a));
    }
    const QString png = m_dir.filePath(u"logo.png"_s);
    QVERIFY(image.save(png, "PNG"));
    const QString svg = m_dir.filePath(u"logo.svg"_s);
    {
        QFile f(svg);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("<svg xmlns='http://www.w3.org/2000/svg' width='80' height='40'>"
                "<rect width='40' height='40' fill='#24487a'/></svg>");
    }

    auto *preview = field<QLabel>(u"logoPreview"_s);
    QVERIFY(preview->pixmap().isNull());
    QVERIFY(m_page->loadLogoFile(png));
    QVERIFY(!preview->pixmap().isNull());
    QVERIFY(field<QPushButton>(u"removeLogo"_s)->isEnabled());
    QVERIFY(m_page->saveCompany());
    CompanyProfile c = m_ledger->ledger->company().value();
    QCOMPARE(c.logoMime, u"image/png"_s);
    QVERIFY(c.logo.startsWith("\x89PNG"));

    QVERIFY(m_page->loadLogoFile(svg));
    QVERIFY(!preview->pixmap().isNull());
    QVERIFY(m_page->saveCompany());
    QCOMPARE(m_ledger->ledger->company()->logoMime, u"image/svg+xml"_s);

    QTest::mouseClick(field<QPushButton>(u"removeLogo"_s), Qt::LeftButton);
    QVERIFY(preview->pixmap().isNull());
    QVERIFY(m_page->saveCompany());
    c = m_ledger->ledger->company().value();
    QVERIFY(c.logo.isEmpty());
    QVERIFY(c.logoMime.isEmpty());
}

void TestSettings::notAnImageIsRefused()
{
    const QString path = m_dir.filePath(u"notes.png"_s);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is text, whatever the name says");
    }
    QVERIFY(!m_page->loadLogoFile(path));
    auto *error = field<QLabel>(u"companyError"_s);
    QVERIFY2(error->text().contains(u"not a PNG, JPEG or SVG image"_s), qPrintable(error->text()));
    QVERIFY(!m_page->companyModified());
    QVERIFY(!m_page->loadLogoFile(m_dir.filePath(u"missing.png"_s)));
}

void TestSettings::reverseChargeWithoutReasonIsShownAtTheField()
{
    m_page->showTab(SettingsPage::TaxRatesTab);
    auto *table = field<QTableWidget>(u"taxRatesTable"_s);
    const int rows = table->rowCount();
    const qsizetype rates = m_ledger->ledger->taxRates(true)->size();

    auto *dialog = openDialog<TaxRateDialog>(u"addTaxRate"_s);
    QVERIFY(dialog);
    auto *name = dialog->findChild<QLineEdit *>(u"taxRateName"_s);
    auto *category = dialog->findChild<QComboBox *>(u"taxCategory"_s);
    auto *rate = dialog->findChild<QLineEdit *>(u"taxRateValue"_s);
    auto *reason = dialog->findChild<QLineEdit *>(u"exemptionReason"_s);
    QTest::keyClicks(name, u"Reverse charge EU services"_s);
    category->setFocus();
    QTest::keyClicks(category, u"AE"_s);
    QCOMPARE(category->currentData().toString(), u"AE"_s);
    // Only S has a rate of its own: the field shows 0 and is not editable.
    QVERIFY(!rate->isEnabled());
    QVERIFY(reason->isEnabled());
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);

    QVERIFY(dialog->isVisible());
    auto *error = dialog->findChild<QLabel *>(u"errorLabel"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().startsWith(u"Exemption reason: "_s), qPrintable(error->text()));
    QVERIFY2(error->text().contains(u"exemption reason"_s), qPrintable(error->text()));
    QVERIFY(reason->hasFocus());
    QVERIFY(!reason->toolTip().isEmpty());
    QCOMPARE(m_ledger->ledger->taxRates(true)->size(), rates);

    QTest::keyClicks(reason, u"Reverse charge"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!m_page->findChild<TaxRateDialog *>());
    QCOMPARE(m_ledger->ledger->taxRates(true)->size(), rates + 1);
    bool found = false;
    for (const TaxRate &r : m_ledger->ledger->taxRates().value())
        if (r.name == u"Reverse charge EU services"_s) {
            found = true;
            QCOMPARE(r.category, TaxCategory::ReverseCharge);
            QCOMPARE(r.rateBp, 0);
            QCOMPARE(r.exemptionReason, u"Reverse charge"_s);
        }
    QVERIFY(found);
    QTRY_COMPARE(table->rowCount(), rows + 1);

    // A standard rate with 0 % is refused at the rate field.
    dialog = openDialog<TaxRateDialog>(u"addTaxRate"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"taxRateName"_s), u"Nothing"_s);
    auto *value = dialog->findChild<QLineEdit *>(u"taxRateValue"_s);
    value->selectAll();
    QTest::keyClicks(value, u"0"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->findChild<QLabel *>(u"errorLabel"_s)->text().startsWith(u"Rate: "_s),
             qPrintable(dialog->findChild<QLabel *>(u"errorLabel"_s)->text()));
    dialog->reject();
}

void TestSettings::editAndArchiveTaxRate()
{
    m_page->showTab(SettingsPage::TaxRatesTab);
    auto *table = field<QTableWidget>(u"taxRatesTable"_s);
    int row = -1;
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 0)->text() == u"IVA 10%"_s)
            row = r;
    QVERIFY(row >= 0);
    const QString id = table->item(row, 0)->data(Qt::UserRole).toString();
    table->selectRow(row);

    auto *dialog = openDialog<TaxRateDialog>(u"editTaxRate"_s);
    QVERIFY(dialog);
    auto *name = dialog->findChild<QLineEdit *>(u"taxRateName"_s);
    name->selectAll();
    QTest::keyClicks(name, u"IVA ridotta 10%"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!m_page->findChild<TaxRateDialog *>());
    QCOMPARE(m_ledger->ledger->taxRate(id)->name, u"IVA ridotta 10%"_s);
    QCOMPARE(m_ledger->ledger->taxRate(id)->rateBp, 1000);

    const int rows = table->rowCount();
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 0)->data(Qt::UserRole).toString() == id)
            table->selectRow(r);
    QTest::mouseClick(field<QPushButton>(u"archiveTaxRate"_s), Qt::LeftButton);
    QVERIFY(m_ledger->ledger->taxRate(id)->archived);
    QTRY_COMPARE(table->rowCount(), rows - 1);
    field<QCheckBox>(u"showArchivedRates"_s)->setChecked(true);
    QCOMPARE(table->rowCount(), rows);
}

void TestSettings::addSeries()
{
    m_page->showTab(SettingsPage::SeriesTab);
    auto *table = field<QTableWidget>(u"seriesTable"_s);
    QCOMPARE(table->rowCount(), 2);
    auto *dialog = openDialog<SeriesDialog>(u"addSeries"_s);
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"seriesName"_s), u"Laptop 2026"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"seriesPrefix"_s), u"2026-L-"_s);
    auto *width = dialog->findChild<QSpinBox *>(u"seriesWidth"_s);
    width->selectAll();
    QTest::keyClicks(width, u"5"_s);
    QVERIFY(dialog->findChild<QLabel *>(u"seriesPreview"_s)->text().contains(u"2026-L-00001"_s));
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!m_page->findChild<SeriesDialog *>());

    bool found = false;
    for (const NumberSeries &s : m_ledger->ledger->seriesList().value())
        if (s.prefix == u"2026-L-"_s) {
            found = true;
            QCOMPARE(s.name, u"Laptop 2026"_s);
            QCOMPARE(s.width, 5);
            QCOMPARE(s.kind, DocumentKind::Invoice);
            QCOMPARE(s.holderDeviceId, m_ledger->ledger->deviceId());
        }
    QVERIFY(found);
    QTRY_COMPARE(table->rowCount(), 3);
}

void TestSettings::duplicatePrefixIsShownAtTheField()
{
    m_page->showTab(SettingsPage::SeriesTab);
    auto *dialog = openDialog<SeriesDialog>(u"addSeries"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"seriesName"_s), u"Again"_s);
    auto *prefix = dialog->findChild<QLineEdit *>(u"seriesPrefix"_s);
    QTest::keyClicks(prefix, u"2026-A-"_s);
    const qsizetype before = m_ledger->ledger->seriesList()->size();
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    const QString text = dialog->findChild<QLabel *>(u"errorLabel"_s)->text();
    QVERIFY2(text.startsWith(u"Prefix: "_s) && text.contains(u"already uses"_s), qPrintable(text));
    QVERIFY(prefix->hasFocus());
    QCOMPARE(m_ledger->ledger->seriesList()->size(), before);
}

void TestSettings::languageIsStoredAndApplied()
{
    m_page->showTab(SettingsPage::LanguageTab);
    auto *combo = field<QComboBox>(u"language"_s);
    QCOMPARE(combo->count(), 3);
    auto *tabs = field<QTabWidget>(u"settingsTabs"_s);
    QCOMPARE(tabs->tabText(1), u"Tax rates"_s);

    combo->setFocus();
    QTest::keyClicks(combo, u"Italiano"_s);
    // QComboBox's keyboard search changes the index; activation by the user is Enter or a pick.
    combo->activated(combo->currentIndex());
    QCOMPARE(Ui::languageSetting(), u"it"_s);
    QCOMPARE(Ui::currentLanguage(), u"it"_s);
    QTRY_COMPARE(tabs->tabText(1), u"Aliquote IVA"_s);
    QCOMPARE(field<QPushButton>(u"saveCompany"_s)->text(), u"&Salva modifiche"_s);

    combo->setCurrentIndex(combo->findData(u"en"_s));
    combo->activated(combo->currentIndex());
    QCOMPARE(Ui::languageSetting(), u"en"_s);
    QTRY_COMPARE(tabs->tabText(1), u"Tax rates"_s);
    combo->setCurrentIndex(0);
    combo->activated(0);
    QVERIFY(Ui::languageSetting().isEmpty());
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
