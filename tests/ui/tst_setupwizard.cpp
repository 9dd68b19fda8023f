// The first-run setup, driven by typing and clicking: it creates a ledger with the company and
// the number series, and a wrong answer is shown at its field without creating anything.
#include "setupwizard.h"
#include "shelltestsupport.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QStyleFactory>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::Test;

class TestSetupWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fillByTypingCreatesLedger();
    void invalidVatIdIsShownAtTheField();
    void invalidPrefixCreatesNothing();
    void existingFileIsNeverOverwritten();
    void followsDarkPalette();

private:
    struct Fields
    {
        QLineEdit *name;
        QComboBox *country;
        QComboBox *currency;
        QLineEdit *vatId;
        QLineEdit *prefix;
    };
    static Fields fields(SetupWizard &w)
    {
        return {w.findChild<QLineEdit *>(u"companyName"_s), w.findChild<QComboBox *>(u"country"_s),
                w.findChild<QComboBox *>(u"currency"_s), w.findChild<QLineEdit *>(u"vatId"_s),
                w.findChild<QLineEdit *>(u"seriesPrefix"_s)};
    }
    static void click(SetupWizard &w, QWizard::WizardButton which)
    {
        QAbstractButton *b = w.button(which);
        QVERIFY(b->isVisible() && b->isEnabled());
        QTest::mouseClick(b, Qt::LeftButton);
    }

    QTemporaryDir m_dir;
};

void TestSetupWizard::initTestCase()
{
    QVERIFY(m_dir.isValid());
    isolateSettings(m_dir);
}

void TestSetupWizard::fillByTypingCreatesLedger()
{
    const QString path = m_dir.filePath(u"first/books.kontor"_s);
    SetupWizard wizard(path);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    const Fields f = fields(wizard);
    QVERIFY(f.name && f.country && f.currency && f.vatId && f.prefix);
    QCOMPARE(wizard.currentId(), int(SetupWizard::CompanyPageId));

    QTest::keyClicks(f.name, u"Studio Rossi"_s);
    f.country->setFocus();
    QTest::keyClicks(f.country, u"Italy"_s);
    QCOMPARE(f.country->currentData().toString(), u"IT"_s);
    // The currency followed the country.
    QCOMPARE(f.currency->currentData().toString(), u"EUR"_s);
    // Typed with a space, as people copy it from a letterhead; kept without.
    QTest::keyClicks(f.vatId, u"it 01234567890"_s);
    click(wizard, QWizard::NextButton);
    QCOMPARE(wizard.currentId(), int(SetupWizard::NumberingPageId));

    f.prefix->selectAll();
    QTest::keyClicks(f.prefix, u"2026-A-"_s);
    QVERIFY(wizard.findChild<QLabel *>(u"numberPreview"_s)->text().contains(u"2026-A-0001"_s));
    QVERIFY(!QFile::exists(path));
    click(wizard, QWizard::FinishButton);
    QVERIFY(wizard.ledgerCreated());
    QCOMPARE(wizard.result(), int(QDialog::Accepted));
    QVERIFY(QFile::exists(path));

    auto store = Store::open(path);
    QVERIFY(store);
    Ledger ledger(**store);
    const CompanyProfile company = ledger.company().value();
    QCOMPARE(company.name, u"Studio Rossi"_s);
    QCOMPARE(company.address.country, u"IT"_s);
    QCOMPARE(company.currency, u"EUR"_s);
    QCOMPARE(company.vatId, u"IT01234567890"_s);
    const QList<NumberSeries> series = ledger.seriesList().value();
    QCOMPARE(series.size(), 2);
    QStringList prefixes;
    for (const NumberSeries &s : series)
        prefixes << documentKindName(s.kind) + u':' + s.prefix;
    prefixes.sort();
    QCOMPARE(prefixes, (QStringList {u"credit_note:2026-A-CN-"_s, u"invoice:2026-A-"_s}));
    // The Italian rates came with the country.
    QVERIFY(ledger.taxRates().value().size() > 4);
    QCOMPARE(ledger.previewNumber(DocumentKind::Invoice).value(), u"2026-A-0001"_s);
}

void TestSetupWizard::invalidVatIdIsShownAtTheField()
{
    const QString path = m_dir.filePath(u"badvat.kontor"_s);
    SetupWizard wizard(path);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    const Fields f = fields(wizard);
    QTest::keyClicks(f.name, u"Studio Rossi"_s);
    QTest::keyClicks(f.vatId, u"12345"_s);
    click(wizard, QWizard::NextButton);

    // Still on the first page, the VAT field marked with the rule in words, focused.
    QCOMPARE(wizard.currentId(), int(SetupWizard::CompanyPageId));
    auto *error = wizard.currentPage()->findChild<QLabel *>(u"errorLabel"_s);
    QVERIFY(error && error->isVisible());
    QVERIFY2(error->text().contains(u"VAT ID"_s), qPrintable(error->text()));
    QVERIFY2(error->text().contains(u"two-letter country prefix"_s), qPrintable(error->text()));
    QVERIFY(!f.vatId->toolTip().isEmpty());
    QVERIFY(f.vatId->hasFocus());
    QVERIFY(!QFile::exists(path));

    // Corrected, the page lets the user on and the mark goes.
    f.vatId->selectAll();
    QTest::keyClicks(f.vatId, u"IT01234567890"_s);
    QVERIFY(f.vatId->toolTip().isEmpty());
    click(wizard, QWizard::NextButton);
    QCOMPARE(wizard.currentId(), int(SetupWizard::NumberingPageId));
    wizard.reject();
    QVERIFY(!QFile::exists(path));
}

void TestSetupWizard::invalidPrefixCreatesNothing()
{
    const QString path = m_dir.filePath(u"badprefix.kontor"_s);
    SetupWizard wizard(path);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    const Fields f = fields(wizard);
    QTest::keyClicks(f.name, u"Studio Rossi"_s);
    click(wizard, QWizard::NextButton);
    f.prefix->selectAll();
    QTest::keyClicks(f.prefix, u"2026 A#"_s);
    click(wizard, QWizard::FinishButton);
    QCOMPARE(wizard.currentId(), int(SetupWizard::NumberingPageId));
    QVERIFY(!wizard.ledgerCreated());
    auto *error = wizard.currentPage()->findChild<QLabel *>(u"errorLabel"_s);
    QVERIFY2(error->text().contains(u"letters, digits"_s), qPrintable(error->text()));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!QFile::exists(path + u"-wal"_s));
}

void TestSetupWizard::existingFileIsNeverOverwritten()
{
    const QString path = m_dir.filePath(u"taken.kontor"_s);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("someone's notes");
    }
    SetupWizard wizard(path);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QTest::keyClicks(fields(wizard).name, u"Studio Rossi"_s);
    click(wizard, QWizard::NextButton);
    click(wizard, QWizard::FinishButton);
    QVERIFY(!wizard.ledgerCreated());
    QVERIFY(wizard.isVisible());
    auto *error = wizard.currentPage()->findChild<QLabel *>(u"errorLabel"_s);
    QVERIFY2(error->text().contains(u"exists already"_s), qPrintable(error->text()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("someone's notes"));
}

void TestSetupWizard::followsDarkPalette()
{
    const QPalette original = QApplication::palette();
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QApplication::setPalette(darkPalette());
    SetupWizard wizard(m_dir.filePath(u"dark.kontor"_s));
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    const QStringList own = widgetsWithOwnColours(&wizard, QApplication::palette());
    QVERIFY2(own.isEmpty(), qPrintable(own.join(u", "_s)));
    QVERIFY2(meanLightness(&wizard) < 90, qPrintable(QString::number(meanLightness(&wizard))));
    QApplication::setPalette(original);
}

QTEST_MAIN(TestSetupWizard)
#include "tst_setupwizard.moc"
