#include "setupwizard.h"

#include "fielderrors.h"
#include "icons.h"
#include "ledger.h"
#include "regionchoices.h"
#include "rules.h"
#include "settingserrors.h"
#include "store.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {

QLabel *hintLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    // Smaller, and dimmed through the palette's own disabled text colour, never a fixed grey.
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QLabel *errorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setObjectName(u"errorLabel"_s);
    return label;
}

// Removes the files a half-made ledger leaves: SQLite's write-ahead log and shared memory too.
void removeLedgerFiles(const QString &path)
{
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s})
        QFile::remove(path + suffix);
}

QString compact(const QString &text)
{
    QString out = text;
    out.remove(QRegularExpression(u"\\s+"_s));
    return out.toUpper();
}

} // namespace

SetupWizard::SetupWizard(const QString &targetPath, QWidget *parent)
    : QWizard(parent), m_targetPath(targetPath)
{
    setObjectName(u"setupWizard"_s);
    setWindowIcon(Ui::icon(u"kontor"_s));
    setPixmap(QWizard::LogoPixmap, QIcon(u":/kontor/icons/kontor.svg"_s).pixmap(48, 48));
    setOption(QWizard::NoBackButtonOnStartPage);
    buildCompanyPage();
    buildNumberingPage();
    setPage(CompanyPageId, m_companyPage);
    setPage(NumberingPageId, m_numberingPage);
    setStartId(CompanyPageId);
    retranslateUi();
    updatePreview();
}

SetupWizard::~SetupWizard() = default;

void SetupWizard::buildCompanyPage()
{
    m_companyPage = new QWizardPage(this);
    auto *form = new QFormLayout;

    m_name = new QLineEdit(m_companyPage);
    m_name->setObjectName(u"companyName"_s);
    m_nameLabel = new QLabel(m_companyPage);
    m_nameLabel->setBuddy(m_name);
    form->addRow(m_nameLabel, m_name);

    m_country = new QComboBox(m_companyPage);
    m_country->setObjectName(u"country"_s);
    Ui::fillCountryCombo(m_country, true);
    m_countryLabel = new QLabel(m_companyPage);
    m_countryLabel->setBuddy(m_country);
    form->addRow(m_countryLabel, m_country);

    m_currency = new QComboBox(m_companyPage);
    m_currency->setObjectName(u"currency"_s);
    Ui::fillCurrencyCombo(m_currency);
    m_currencyLabel = new QLabel(m_companyPage);
    m_currencyLabel->setBuddy(m_currency);
    form->addRow(m_currencyLabel, m_currency);

    m_vatId = new QLineEdit(m_companyPage);
    m_vatId->setObjectName(u"vatId"_s);
    m_vatLabel = new QLabel(m_companyPage);
    m_vatLabel->setBuddy(m_vatId);
    m_vatHint = hintLabel(m_companyPage);
    auto *vatBox = new QVBoxLayout;
    vatBox->setContentsMargins(0, 0, 0, 0);
    vatBox->addWidget(m_vatId);
    vatBox->addWidget(m_vatHint);
    form->addRow(m_vatLabel, vatBox);

    m_companyError = errorLabel(m_companyPage);
    auto *layout = new QVBoxLayout(m_companyPage);
    layout->addLayout(form);
    layout->addWidget(m_companyError);
    layout->addStretch();

    // The currency follows the country until the user picks one; the system's country and its
    // currency are the starting guess.
    const QString country = Ui::systemCountry();
    if (!Ui::selectCode(m_country, country))
        m_country->setCurrentIndex(0);
    if (!Ui::selectCode(m_currency, Ui::currencyOfCountry(country)))
        Ui::selectCode(m_currency, u"EUR"_s);
    connect(m_country, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_currencyTouched)
            Ui::selectCode(m_currency, Ui::currencyOfCountry(m_country->currentData().toString()));
    });
    connect(m_currency, &QComboBox::activated, this, [this] { m_currencyTouched = true; });

    m_companyErrors = new Ui::FieldErrors(m_companyPage);
    m_companyErrors->setMessageLabel(m_companyError);

    setTabOrder(m_name, m_country);
    setTabOrder(m_country, m_currency);
    setTabOrder(m_currency, m_vatId);
}

void SetupWizard::buildNumberingPage()
{
    m_numberingPage = new QWizardPage(this);
    auto *form = new QFormLayout;

    m_prefix = new QLineEdit(m_numberingPage);
    m_prefix->setObjectName(u"seriesPrefix"_s);
    m_prefix->setText(u"%1-A-"_s.arg(QDate::currentDate().year()));
    m_prefixLabel = new QLabel(m_numberingPage);
    m_prefixLabel->setBuddy(m_prefix);
    form->addRow(m_prefixLabel, m_prefix);

    m_prefixHint = hintLabel(m_numberingPage);
    form->addRow(QString(), m_prefixHint);

    m_preview = new QLabel(m_numberingPage);
    m_preview->setObjectName(u"numberPreview"_s);
    m_preview->setWordWrap(true);
    m_locationLabel = hintLabel(m_numberingPage);
    m_locationLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_numberingError = errorLabel(m_numberingPage);
    auto *layout = new QVBoxLayout(m_numberingPage);
    layout->addLayout(form);
    layout->addWidget(m_preview);
    layout->addWidget(m_numberingError);
    layout->addStretch();
    layout->addWidget(m_locationLabel);

    m_numberingErrors = new Ui::FieldErrors(m_numberingPage);
    m_numberingErrors->setMessageLabel(m_numberingError);
    connect(m_prefix, &QLineEdit::textChanged, this, &SetupWizard::updatePreview);
    m_numberingPage->setFinalPage(true);
}

void SetupWizard::retranslateUi()
{
    setWindowTitle(tr("Set up Kontor"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::FinishButton, tr("&Create ledger"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));

    m_companyPage->setTitle(tr("Your business"));
    m_companyPage->setSubTitle(
        tr("Kontor keeps your books in one file on this computer. Tell it who issues the "
           "invoices; everything else can be changed later in Settings."));
    m_nameLabel->setText(tr("Company &name:"));
    m_name->setPlaceholderText(tr("e.g. Studio Rossi"));
    m_name->setAccessibleName(tr("Company name"));
    m_countryLabel->setText(tr("C&ountry:"));
    m_country->setAccessibleName(tr("Country"));
    m_country->setItemText(0, QCoreApplication::translate("Kontor::Ui::Region", "(not set)"));
    m_currencyLabel->setText(tr("C&urrency:"));
    m_currency->setAccessibleName(tr("Currency"));
    m_vatLabel->setText(tr("&VAT ID:"));
    m_vatId->setPlaceholderText(tr("e.g. IT01234567890"));
    m_vatId->setAccessibleName(tr("VAT ID"));
    m_vatHint->setText(tr("Optional. The two-letter country prefix followed by the number, "
                          "without spaces."));
    m_companyErrors->bind(u"name"_s, m_name, tr("Company name"));
    m_companyErrors->bind(u"address.country"_s, m_country, tr("Country"));
    m_companyErrors->bind(u"currency"_s, m_currency, tr("Currency"));
    m_companyErrors->bind(u"vatId"_s, m_vatId, tr("VAT ID"));

    m_numberingPage->setTitle(tr("Invoice numbers"));
    m_numberingPage->setSubTitle(
        tr("Invoices are numbered without gaps within a series. The prefix comes before the "
           "number; the year and a letter for this computer keep numbers unique when you "
           "work on more than one."));
    m_prefixLabel->setText(tr("Series &prefix:"));
    m_prefix->setAccessibleName(tr("Series prefix"));
    m_prefixHint->setText(tr("Letters, digits and / _ . - only."));
    m_locationLabel->setText(
        tr("The ledger will be saved as %1").arg(QDir::toNativeSeparators(m_targetPath)));
    m_numberingErrors->bind(u"prefix"_s, m_prefix, tr("Series prefix"));
    m_numberingErrors->bind(u"path"_s, nullptr, tr("Ledger file"));
    updatePreview();
}

void SetupWizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizard::changeEvent(event);
}

void SetupWizard::updatePreview()
{
    NumberSeries invoices;
    invoices.prefix = m_prefix->text().trimmed();
    NumberSeries creditNotes = invoices;
    creditNotes.prefix += u"CN-"_s;
    m_preview->setText(tr("Your first invoice will be number %1, your first credit note %2.")
                           .arg(invoices.format(1), creditNotes.format(1)));
}

CompanyProfile SetupWizard::company() const
{
    CompanyProfile c;
    c.name = m_name->text().trimmed();
    c.address.country = m_country->currentData().toString();
    c.currency = m_currency->currentData().toString();
    c.vatId = compact(m_vatId->text());
    return c;
}

QString SetupWizard::seriesPrefix() const
{
    return m_prefix->text().trimmed();
}

bool SetupWizard::validateCurrentPage()
{
    if (currentId() == CompanyPageId) {
        if (auto ok = validateCompany(company()); !ok) {
            m_companyErrors->show(Ui::withSettingsMessage(ok.error()));
            return false;
        }
        m_companyErrors->clear();
    } else if (currentId() == NumberingPageId) {
        NumberSeries series;
        series.name = u"Invoices"_s;
        series.prefix = seriesPrefix();
        if (auto ok = validateSeries(series); !ok) {
            m_numberingErrors->show(Ui::withSettingsMessage(ok.error()));
            return false;
        }
        if (auto created = createLedger(); !created) {
            // Errors about the company belong to the first page; show them where they are.
            if (created.error().field == u"prefix"_s || created.error().field == u"path"_s
                || created.error().field.isEmpty()) {
                m_numberingErrors->show(Ui::withSettingsMessage(created.error()));
            } else {
                back();
                m_companyErrors->show(Ui::withSettingsMessage(created.error()));
            }
            return false;
        }
        m_numberingErrors->clear();
    }
    return QWizard::validateCurrentPage();
}

Status SetupWizard::createLedger()
{
    if (m_created)
        return {};
    const QFileInfo target(m_targetPath);
    if (!QDir().mkpath(target.absolutePath()))
        return Error {ErrorKind::Io, u"path"_s, u"cannot-create-folder"_s,
                      tr("Cannot create the folder %1.")
                          .arg(QDir::toNativeSeparators(target.absolutePath()))};
    Status result;
    {
        auto store = Store::open(m_targetPath, Store::OpenMode::CreateNew);
        if (!store) {
            // CreateNew refuses an existing file; any other failure is about the file just made.
            if (store.error().rule != u"file-exists"_s)
                removeLedgerFiles(m_targetPath);
            return store.error();
        }
        Ledger ledger(**store);
        result = ledger.initialize(company(), seriesPrefix());
    }
    if (!result) {
        removeLedgerFiles(m_targetPath);
        return result;
    }
    m_created = true;
    return {};
}

} // namespace Kontor
