#include "settingspage.h"

#include "fielderrors.h"
#include "icons.h"
#include "ledger.h"
#include "moneyformat.h"
#include "regionchoices.h"
#include "seriesdialog.h"
#include "settingserrors.h"
#include "syncaccountpage.h"
#include "taxratedialog.h"
#include "translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {

// The most a logo may weigh; the ledger's rule, checked before reading a huge file.
constexpr qint64 kMaxLogoBytes = 2 * 1024 * 1024;
const QSize kLogoPreviewSize(220, 90);

QString compact(const QString &text)
{
    QString out = text;
    out.remove(QRegularExpression(u"\\s+"_s));
    return out.toUpper();
}

QString accessibleFromLabel(QString text)
{
    text.remove(u'&');
    if (text.endsWith(u':'))
        text.chop(1);
    return text.trimmed();
}

// The MIME type of logo bytes by their content, not by the file name; empty for no image.
QString logoMimeOf(const QByteArray &data)
{
    if (data.startsWith("\x89PNG\r\n\x1a\n"))
        return u"image/png"_s;
    if (data.startsWith("\xff\xd8\xff"))
        return u"image/jpeg"_s;
    if (data.left(1024).contains("<svg") && QSvgRenderer(data).isValid())
        return u"image/svg+xml"_s;
    return {};
}

QPixmap logoPixmap(const QByteArray &data, const QString &mime, const QSize &box, qreal dpr)
{
    QImage image;
    if (mime.contains(u"svg"_s)) {
        QSvgRenderer renderer(data);
        if (!renderer.isValid())
            return {};
        QSize size = renderer.defaultSize();
        if (size.isEmpty())
            size = box;
        size = size.scaled(box * dpr, Qt::KeepAspectRatio);
        image = QImage(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter p(&image);
        renderer.render(&p);
    } else {
        image = QImage::fromData(data);
        if (image.isNull())
            return {};
        image = image.scaled(box * dpr, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    QPixmap pm = QPixmap::fromImage(image);
    pm.setDevicePixelRatio(dpr);
    return pm;
}

QTableWidget *makeTable(QWidget *parent, int columns)
{
    auto *table = new QTableWidget(0, columns, parent);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setAlternatingRowColors(true);
    table->setTabKeyNavigation(false);
    return table;
}

} // namespace

SettingsPage::SettingsPage(UiContext &ctx, QWidget *parent) : QWidget(parent), m_ctx(ctx)
{
    setObjectName(u"settingsPage"_s);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"settingsTabs"_s);
    m_tabs->addTab(buildCompanyTab(), Ui::icon(u"company"_s), QString());
    m_tabs->addTab(buildTaxRatesTab(), Ui::icon(u"tax"_s), QString());
    m_tabs->addTab(buildSeriesTab(), Ui::icon(u"series"_s), QString());
    m_tabs->addTab(buildLanguageTab(), Ui::icon(u"language"_s), QString());
    // Only where the ledger has a sync session (always in the program).
    if (m_ctx.syncSession) {
        m_syncAccount = new SyncAccountPage(m_ctx);
        m_tabs->addTab(m_syncAccount, Ui::icon(u"sync"_s), QString());
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);

    connect(&m_ctx.events, &LedgerEvents::changed, this,
            [this](const QString &entity, const QString &) { onLedgerChanged(entity); });

    retranslateUi();
    reloadCompany();
    reloadTaxRates();
    reloadSeries();
}

SettingsPage::~SettingsPage() = default;

QWidget *SettingsPage::buildCompanyTab()
{
    auto *content = new QWidget;
    const auto field
        = [this](QFormLayout *form, const char *label, QWidget *widget, const QString &name) {
              widget->setObjectName(name);
              auto *l = new QLabel(widget->parentWidget());
              l->setBuddy(widget);
              m_labels.append({l, label});
              form->addRow(l, widget);
              if (auto *edit = qobject_cast<QLineEdit *>(widget))
                  connect(edit, &QLineEdit::textEdited, this, [this] { setCompanyDirty(true); });
              return widget;
          };

    m_identityGroup = new QGroupBox(content);
    auto *identity = new QFormLayout(m_identityGroup);
    m_name = new QLineEdit(m_identityGroup);
    field(identity, QT_TR_NOOP("Company &name:"), m_name, u"companyName"_s);
    m_vatId = new QLineEdit(m_identityGroup);
    field(identity, QT_TR_NOOP("&VAT ID:"), m_vatId, u"vatId"_s);
    m_taxId = new QLineEdit(m_identityGroup);
    field(identity, QT_TR_NOOP("&Tax code:"), m_taxId, u"taxId"_s);
    m_email = new QLineEdit(m_identityGroup);
    field(identity, QT_TR_NOOP("&E-mail:"), m_email, u"email"_s);
    m_phone = new QLineEdit(m_identityGroup);
    field(identity, QT_TR_NOOP("&Phone:"), m_phone, u"phone"_s);

    m_addressGroup = new QGroupBox(content);
    auto *address = new QFormLayout(m_addressGroup);
    m_street = new QLineEdit(m_addressGroup);
    field(address, QT_TR_NOOP("&Street:"), m_street, u"street"_s);
    m_additional = new QLineEdit(m_addressGroup);
    field(address, QT_TR_NOOP("A&dditional line:"), m_additional, u"additional"_s);
    m_postalCode = new QLineEdit(m_addressGroup);
    field(address, QT_TR_NOOP("Postal c&ode:"), m_postalCode, u"postalCode"_s);
    m_city = new QLineEdit(m_addressGroup);
    field(address, QT_TR_NOOP("C&ity:"), m_city, u"city"_s);
    m_region = new QLineEdit(m_addressGroup);
    field(address, QT_TR_NOOP("&Region:"), m_region, u"region"_s);
    m_country = new QComboBox(m_addressGroup);
    Ui::fillCountryCombo(m_country, true);
    field(address, QT_TR_NOOP("Co&untry:"), m_country, u"country"_s);
    connect(m_country, &QComboBox::activated, this, [this] { setCompanyDirty(true); });

    m_logoGroup = new QGroupBox(content);
    auto *logo = new QVBoxLayout(m_logoGroup);
    m_logoPreview = new QLabel(m_logoGroup);
    m_logoPreview->setObjectName(u"logoPreview"_s);
    m_logoPreview->setMinimumSize(kLogoPreviewSize);
    m_logoPreview->setAlignment(Qt::AlignCenter);
    m_logoPreview->setFrameShape(QFrame::StyledPanel);
    m_chooseLogo = new QPushButton(Ui::icon(u"image"_s), QString(), m_logoGroup);
    m_chooseLogo->setObjectName(u"chooseLogo"_s);
    m_removeLogo = new QPushButton(Ui::icon(u"delete"_s), QString(), m_logoGroup);
    m_removeLogo->setObjectName(u"removeLogo"_s);
    auto *logoButtons = new QHBoxLayout;
    logoButtons->addWidget(m_chooseLogo);
    logoButtons->addWidget(m_removeLogo);
    logoButtons->addStretch();
    logo->addWidget(m_logoPreview);
    logo->addLayout(logoButtons);
    connect(m_chooseLogo, &QPushButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getOpenFileName(this, tr("Choose a logo"), QString(),
                                           tr("Images (*.png *.jpg *.jpeg *.svg);;All files (*)"));
        if (!path.isEmpty())
            loadLogoFile(path);
    });
    connect(m_removeLogo, &QPushButton::clicked, this, &SettingsPage::removeLogo);

    m_invoicingGroup = new QGroupBox(content);
    auto *invoicing = new QFormLayout(m_invoicingGroup);
    m_currency = new QComboBox(m_invoicingGroup);
    Ui::fillCurrencyCombo(m_currency);
    field(invoicing, QT_TR_NOOP("Default &currency:"), m_currency, u"currency"_s);
    connect(m_currency, &QComboBox::activated, this, [this] { setCompanyDirty(true); });
    m_terms = new QSpinBox(m_invoicingGroup);
    // One past the rule's bound, so a wrong value reaches the rules and is explained.
    m_terms->setRange(0, 999);
    field(invoicing, QT_TR_NOOP("Payment &terms:"), m_terms, u"paymentTerms"_s);
    connect(m_terms, &QSpinBox::valueChanged, this, [this] {
        if (!m_loading)
            setCompanyDirty(true);
    });
    m_bankName = new QLineEdit(m_invoicingGroup);
    field(invoicing, QT_TR_NOOP("&Bank:"), m_bankName, u"bankName"_s);
    m_iban = new QLineEdit(m_invoicingGroup);
    field(invoicing, QT_TR_NOOP("&IBAN:"), m_iban, u"iban"_s);
    m_bic = new QLineEdit(m_invoicingGroup);
    field(invoicing, QT_TR_NOOP("BI&C:"), m_bic, u"bic"_s);

    m_companyError = new QLabel(content);
    m_companyError->setObjectName(u"companyError"_s);
    m_companyError->setWordWrap(true);
    m_companyError->setVisible(false);
    m_companyStatus = new QLabel(content);
    m_companyStatus->setObjectName(u"companyStatus"_s);
    m_saveCompany = new QPushButton(Ui::icon(u"save"_s), QString(), content);
    m_saveCompany->setObjectName(u"saveCompany"_s);
    m_revertCompany = new QPushButton(Ui::icon(u"restore"_s), QString(), content);
    m_revertCompany->setObjectName(u"revertCompany"_s);
    connect(m_saveCompany, &QPushButton::clicked, this, &SettingsPage::saveCompany);
    connect(m_revertCompany, &QPushButton::clicked, this, &SettingsPage::revertCompany);
    // Ctrl+S saves the profile while the page has the focus; editors have their own.
    auto *save = new QShortcut(QKeySequence::Save, content);
    save->setContext(Qt::WidgetWithChildrenShortcut);
    connect(save, &QShortcut::activated, this, &SettingsPage::saveCompany);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_companyStatus, 1);
    buttons->addWidget(m_revertCompany);
    buttons->addWidget(m_saveCompany);

    auto *grid = new QGridLayout(content);
    grid->addWidget(m_identityGroup, 0, 0);
    grid->addWidget(m_addressGroup, 1, 0);
    grid->addWidget(m_logoGroup, 0, 1);
    grid->addWidget(m_invoicingGroup, 1, 1);
    grid->addWidget(m_companyError, 2, 0, 1, 2);
    grid->addLayout(buttons, 3, 0, 1, 2);
    grid->setRowStretch(4, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);

    m_companyErrors = new Ui::FieldErrors(content);
    m_companyErrors->setMessageLabel(m_companyError);

    // Keyboard order follows reading order: the left column, then the right, then the buttons.
    const QList<QWidget *> order = {
        m_name,       m_vatId,    m_taxId,  m_email,   m_phone,         m_street,     m_additional,
        m_postalCode, m_city,     m_region, m_country, m_chooseLogo,    m_removeLogo, m_currency,
        m_terms,      m_bankName, m_iban,   m_bic,     m_revertCompany, m_saveCompany};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    auto *scroll = new QScrollArea;
    scroll->setObjectName(u"companyTab"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    return scroll;
}

QWidget *SettingsPage::buildTaxRatesTab()
{
    auto *tab = new QWidget;
    tab->setObjectName(u"taxRatesTab"_s);
    m_rates = makeTable(tab, 5);
    m_rates->setObjectName(u"taxRatesTable"_s);
    m_showArchived = new QCheckBox(tab);
    m_showArchived->setObjectName(u"showArchivedRates"_s);
    m_addRate = new QPushButton(Ui::icon(u"add"_s), QString(), tab);
    m_addRate->setObjectName(u"addTaxRate"_s);
    m_editRate = new QPushButton(Ui::icon(u"edit"_s), QString(), tab);
    m_editRate->setObjectName(u"editTaxRate"_s);
    m_archiveRate = new QPushButton(Ui::icon(u"archive"_s), QString(), tab);
    m_archiveRate->setObjectName(u"archiveTaxRate"_s);
    m_ratesError = new QLabel(tab);
    m_ratesError->setWordWrap(true);
    m_ratesError->setVisible(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addRate);
    buttons->addWidget(m_editRate);
    buttons->addWidget(m_archiveRate);
    buttons->addStretch();
    buttons->addWidget(m_showArchived);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(buttons);
    layout->addWidget(m_rates);
    layout->addWidget(m_ratesError);

    connect(m_addRate, &QPushButton::clicked, this, &SettingsPage::addTaxRate);
    connect(m_editRate, &QPushButton::clicked, this, &SettingsPage::editSelectedTaxRate);
    connect(m_archiveRate, &QPushButton::clicked, this,
            &SettingsPage::toggleArchiveSelectedTaxRate);
    connect(m_showArchived, &QCheckBox::toggled, this, &SettingsPage::reloadTaxRates);
    connect(m_rates, &QTableWidget::itemSelectionChanged, this,
            &SettingsPage::updateTaxRateButtons);
    connect(m_rates, &QTableWidget::itemActivated, this, &SettingsPage::editSelectedTaxRate);
    return tab;
}

QWidget *SettingsPage::buildSeriesTab()
{
    auto *tab = new QWidget;
    tab->setObjectName(u"seriesTab"_s);
    m_series = makeTable(tab, 5);
    m_series->setObjectName(u"seriesTable"_s);
    m_addSeries = new QPushButton(Ui::icon(u"add"_s), QString(), tab);
    m_addSeries->setObjectName(u"addSeries"_s);
    m_seriesHint = new QLabel(tab);
    m_seriesHint->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addSeries);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(buttons);
    layout->addWidget(m_series);
    layout->addWidget(m_seriesHint);
    connect(m_addSeries, &QPushButton::clicked, this, &SettingsPage::addSeries);
    return tab;
}

QWidget *SettingsPage::buildLanguageTab()
{
    auto *tab = new QWidget;
    tab->setObjectName(u"languageTab"_s);
    m_language = new QComboBox(tab);
    m_language->setObjectName(u"language"_s);
    const QString current = Ui::languageSetting();
    for (const Ui::Language &l : Ui::availableLanguages()) {
        m_language->addItem(l.name, l.code);
        if (l.code == current)
            m_language->setCurrentIndex(m_language->count() - 1);
    }
    m_languageLabel = new QLabel(tab);
    m_languageLabel->setBuddy(m_language);
    m_languageHint = new QLabel(tab);
    m_languageHint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(m_languageLabel, m_language);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(form);
    layout->addWidget(m_languageHint);
    layout->addStretch();
    connect(m_language, &QComboBox::activated, this, [this] {
        const QString code = m_language->currentData().toString();
        Ui::setLanguageSetting(code);
        Ui::applyLanguage(code);
    });
    return tab;
}

void SettingsPage::retranslateUi()
{
    m_tabs->setTabText(CompanyTab, tr("Company"));
    m_tabs->setTabText(TaxRatesTab, tr("Tax rates"));
    m_tabs->setTabText(SeriesTab, tr("Number series"));
    m_tabs->setTabText(LanguageTab, tr("Language"));
    if (m_syncAccount)
        m_tabs->setTabText(SyncTab, tr("Sync account"));
    m_tabs->setAccessibleName(tr("Settings sections"));

    for (const auto &[label, text] : std::as_const(m_labels)) {
        label->setText(tr(text));
        if (QWidget *buddy = label->buddy())
            buddy->setAccessibleName(accessibleFromLabel(tr(text)));
    }
    m_identityGroup->setTitle(tr("Company"));
    m_addressGroup->setTitle(tr("Address"));
    m_logoGroup->setTitle(tr("Logo"));
    m_invoicingGroup->setTitle(tr("Invoicing defaults"));
    m_vatId->setPlaceholderText(tr("e.g. IT01234567890"));
    m_email->setPlaceholderText(tr("e.g. billing@example.com"));
    m_iban->setPlaceholderText(tr("e.g. IT60X0542811101000000123456"));
    m_bic->setPlaceholderText(tr("e.g. BCITITMM"));
    m_terms->setSuffix(tr(" days"));
    m_country->setItemText(0, QCoreApplication::translate("Kontor::Ui::Region", "(not set)"));
    m_logoPreview->setAccessibleName(tr("Logo preview"));
    m_chooseLogo->setText(tr("C&hoose…"));
    m_chooseLogo->setAccessibleName(tr("Choose a logo file"));
    m_removeLogo->setText(tr("Remo&ve"));
    m_removeLogo->setAccessibleName(tr("Remove the logo"));
    m_saveCompany->setText(tr("&Save changes"));
    m_saveCompany->setToolTip(
        tr("Save the company profile (%1)")
            .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_revertCompany->setText(tr("Re&vert"));
    updateLogoPreview();

    m_companyErrors->bind(u"name"_s, m_name, tr("Company name"));
    m_companyErrors->bind(u"vatId"_s, m_vatId, tr("VAT ID"));
    m_companyErrors->bind(u"taxId"_s, m_taxId, tr("Tax code"));
    m_companyErrors->bind(u"email"_s, m_email, tr("E-mail"));
    m_companyErrors->bind(u"phone"_s, m_phone, tr("Phone"));
    m_companyErrors->bind(u"address.street"_s, m_street, tr("Street"));
    m_companyErrors->bind(u"address.additional"_s, m_additional, tr("Additional line"));
    m_companyErrors->bind(u"address.postalCode"_s, m_postalCode, tr("Postal code"));
    m_companyErrors->bind(u"address.city"_s, m_city, tr("City"));
    m_companyErrors->bind(u"address.region"_s, m_region, tr("Region"));
    m_companyErrors->bind(u"address.country"_s, m_country, tr("Country"));
    m_companyErrors->bind(u"logo"_s, m_logoPreview, tr("Logo"));
    m_companyErrors->bind(u"currency"_s, m_currency, tr("Default currency"));
    m_companyErrors->bind(u"paymentTermsDays"_s, m_terms, tr("Payment terms"));
    m_companyErrors->bind(u"bankName"_s, m_bankName, tr("Bank"));
    m_companyErrors->bind(u"iban"_s, m_iban, tr("IBAN"));
    m_companyErrors->bind(u"bic"_s, m_bic, tr("BIC"));

    m_rates->setHorizontalHeaderLabels(
        {tr("Name"), tr("Category"), tr("Rate"), tr("Exemption reason"), tr("State")});
    m_rates->setAccessibleName(tr("Tax rates"));
    m_showArchived->setText(tr("Show &archived"));
    m_addRate->setText(tr("&Add tax rate…"));
    m_editRate->setText(tr("&Edit…"));
    updateTaxRateButtons();

    m_series->setHorizontalHeaderLabels(
        {tr("Name"), tr("Numbers"), tr("Prefix"), tr("Next number"), tr("Held by")});
    m_series->setAccessibleName(tr("Number series"));
    m_addSeries->setText(tr("&Add series…"));
    m_seriesHint->setText(
        tr("A series numbers its documents without gaps. Each computer issues from series of "
           "its own, so two computers working offline never take the same number. Series "
           "cannot be changed or removed once created."));

    m_languageLabel->setText(tr("&Language:"));
    m_language->setAccessibleName(tr("Language"));
    m_language->setItemText(0, Ui::availableLanguages().constFirst().name);
    m_languageHint->setText(
        tr("The language changes at once. \"System\" follows the language of the computer."));

    // The tables show translated words (categories, kinds, states); draw them again.
    if (m_rates->rowCount() > 0)
        reloadTaxRates();
    if (m_series->rowCount() > 0)
        reloadSeries();
}

void SettingsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SettingsPage::showEvent(QShowEvent *event)
{
    // Changes made while the page was hidden are picked up when it is shown, not one by one.
    if (m_companyStale && !m_companyDirty)
        reloadCompany();
    if (m_ratesStale)
        reloadTaxRates();
    if (m_seriesStale)
        reloadSeries();
    QWidget::showEvent(event);
}

void SettingsPage::showTab(Tab tab)
{
    if (tab < m_tabs->count())
        m_tabs->setCurrentIndex(tab);
}

void SettingsPage::onLedgerChanged(const QString &entity)
{
    const bool visible = isVisible();
    if (entity == u"company"_s) {
        m_companyStale = true;
        if (visible && !m_companyDirty)
            reloadCompany();
    } else if (entity == u"tax_rate"_s) {
        m_ratesStale = true;
        if (visible)
            reloadTaxRates();
    } else if (entity == u"series"_s || entity == u"invoice"_s || entity == u"credit_note"_s
               || entity == u"quote"_s) {
        // Issuing moves a series' next number.
        m_seriesStale = true;
        if (visible)
            reloadSeries();
    }
}

void SettingsPage::reloadCompany()
{
    m_companyStale = false;
    auto company = m_ctx.ledger.company();
    m_loaded = company ? company.value() : CompanyProfile {};
    m_loading = true;
    m_name->setText(m_loaded.name);
    m_vatId->setText(m_loaded.vatId);
    m_taxId->setText(m_loaded.taxId);
    m_email->setText(m_loaded.email);
    m_phone->setText(m_loaded.phone);
    m_street->setText(m_loaded.address.street);
    m_additional->setText(m_loaded.address.additional);
    m_postalCode->setText(m_loaded.address.postalCode);
    m_city->setText(m_loaded.address.city);
    m_region->setText(m_loaded.address.region);
    if (!Ui::selectCode(m_country, m_loaded.address.country))
        m_country->setCurrentIndex(0);
    if (!Ui::selectCode(m_currency, m_loaded.currency)) {
        // A code Qt's locales do not list is still the company's; offer it as it is.
        m_currency->addItem(m_loaded.currency, m_loaded.currency);
        Ui::selectCode(m_currency, m_loaded.currency);
    }
    m_terms->setValue(m_loaded.paymentTermsDays);
    m_bankName->setText(m_loaded.bankName);
    m_iban->setText(m_loaded.iban);
    m_bic->setText(m_loaded.bic);
    m_logo = m_loaded.logo;
    m_logoMime = m_loaded.logoMime;
    m_loading = false;
    m_companyErrors->clear();
    updateLogoPreview();
    setCompanyDirty(false);
}

CompanyProfile SettingsPage::companyFromForm() const
{
    CompanyProfile c = m_loaded;
    c.name = m_name->text().trimmed();
    c.vatId = compact(m_vatId->text());
    c.taxId = m_taxId->text().trimmed();
    c.email = m_email->text().trimmed();
    c.phone = m_phone->text().trimmed();
    c.address.street = m_street->text().trimmed();
    c.address.additional = m_additional->text().trimmed();
    c.address.postalCode = m_postalCode->text().trimmed();
    c.address.city = m_city->text().trimmed();
    c.address.region = m_region->text().trimmed();
    c.address.country = m_country->currentData().toString();
    c.currency = m_currency->currentData().toString();
    c.paymentTermsDays = m_terms->value();
    c.bankName = m_bankName->text().trimmed();
    // IBANs and BICs are printed in groups; the ledger keeps them without spaces.
    c.iban = compact(m_iban->text());
    c.bic = compact(m_bic->text());
    c.logo = m_logo;
    c.logoMime = m_logo.isEmpty() ? QString() : m_logoMime;
    return c;
}

bool SettingsPage::saveCompany()
{
    const CompanyProfile c = companyFromForm();
    if (c == m_loaded) {
        setCompanyDirty(false);
        return false;
    }
    if (auto saved = m_ctx.ledger.setCompany(c); !saved) {
        m_companyErrors->show(Ui::withSettingsMessage(saved.error()));
        m_companyStatus->clear();
        return false;
    }
    m_companyErrors->clear();
    Q_EMIT m_ctx.events.changed(u"company"_s, u"company"_s);
    reloadCompany();
    m_companyStatus->setText(tr("Saved."));
    return true;
}

void SettingsPage::revertCompany()
{
    reloadCompany();
    m_companyStatus->clear();
}

void SettingsPage::setCompanyDirty(bool dirty)
{
    if (m_loading)
        return;
    m_companyDirty = dirty;
    m_saveCompany->setEnabled(dirty);
    m_revertCompany->setEnabled(dirty);
    if (dirty)
        m_companyStatus->setText(tr("Unsaved changes."));
}

bool SettingsPage::loadLogoFile(const QString &path)
{
    QFile file(path);
    const auto fail = [this](const QString &message) {
        m_companyErrors->show(Error {ErrorKind::Validation, u"logo"_s, u"logo-file"_s, message});
        return false;
    };
    if (file.size() > kMaxLogoBytes)
        return fail(tr("The logo may be at most 2 MiB; this file is larger."));
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("The file %1 cannot be read: %2.")
                        .arg(QFileInfo(path).fileName(), file.errorString()));
    const QByteArray data = file.readAll();
    const QString mime = logoMimeOf(data);
    if (mime.isEmpty() || logoPixmap(data, mime, kLogoPreviewSize, 1.0).isNull())
        return fail(tr("%1 is not a PNG, JPEG or SVG image.").arg(QFileInfo(path).fileName()));
    m_logo = data;
    m_logoMime = mime;
    m_companyErrors->clear();
    updateLogoPreview();
    setCompanyDirty(true);
    return true;
}

void SettingsPage::removeLogo()
{
    if (m_logo.isEmpty())
        return;
    m_logo.clear();
    m_logoMime.clear();
    updateLogoPreview();
    setCompanyDirty(true);
}

void SettingsPage::updateLogoPreview()
{
    if (m_logo.isEmpty()) {
        m_logoPreview->setPixmap({});
        m_logoPreview->setText(tr("No logo"));
    } else {
        m_logoPreview->setPixmap(
            logoPixmap(m_logo, m_logoMime, kLogoPreviewSize, devicePixelRatioF()));
    }
    m_removeLogo->setEnabled(!m_logo.isEmpty());
}

void SettingsPage::reloadTaxRates()
{
    m_ratesStale = false;
    const QString selected = selectedTaxRateId();
    auto rates = m_ctx.ledger.taxRates(m_showArchived->isChecked());
    m_rateList = rates ? rates.value() : QList<TaxRate> {};
    m_rates->setRowCount(int(m_rateList.size()));
    for (int row = 0; row < m_rateList.size(); ++row) {
        const TaxRate &r = m_rateList.at(row);
        auto *name = new QTableWidgetItem(r.name);
        name->setData(Qt::UserRole, r.id);
        m_rates->setItem(row, 0, name);
        auto *category = new QTableWidgetItem(taxCategoryCode(r.category));
        category->setToolTip(TaxRateDialog::categoryName(r.category));
        m_rates->setItem(row, 1, category);
        auto *rate = new QTableWidgetItem(Ui::formatPercent(r.rateBp));
        rate->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_rates->setItem(row, 2, rate);
        m_rates->setItem(row, 3, new QTableWidgetItem(r.exemptionReason));
        m_rates->setItem(row, 4, new QTableWidgetItem(r.archived ? tr("Archived") : tr("In use")));
        if (r.id == selected)
            m_rates->selectRow(row);
    }
    m_rates->resizeColumnsToContents();
    if (!rates) {
        m_ratesError->setText(Ui::withSettingsMessage(rates.error()).message);
        m_ratesError->setVisible(true);
    }
    updateTaxRateButtons();
}

QString SettingsPage::selectedTaxRateId() const
{
    const auto rows = m_rates->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return m_rates->item(rows.constFirst().row(), 0)->data(Qt::UserRole).toString();
}

void SettingsPage::updateTaxRateButtons()
{
    const QString id = selectedTaxRateId();
    const auto rate = id.isEmpty() ? std::nullopt : m_ctx.ledger.taxRate(id);
    m_editRate->setEnabled(rate.has_value());
    m_archiveRate->setEnabled(rate.has_value());
    m_archiveRate->setText(rate && rate->archived ? tr("&Restore") : tr("A&rchive"));
}

QDialog *SettingsPage::addTaxRate()
{
    auto *dialog = new TaxRateDialog(m_ctx, TaxRate {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QDialog *SettingsPage::editSelectedTaxRate()
{
    const auto rate = m_ctx.ledger.taxRate(selectedTaxRateId());
    if (!rate)
        return nullptr;
    auto *dialog = new TaxRateDialog(m_ctx, *rate, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

bool SettingsPage::toggleArchiveSelectedTaxRate()
{
    auto rate = m_ctx.ledger.taxRate(selectedTaxRateId());
    if (!rate)
        return false;
    rate->archived = !rate->archived;
    if (auto updated = m_ctx.ledger.updateTaxRate(*rate); !updated) {
        m_ratesError->setText(Ui::FieldErrors::describe(Ui::withSettingsMessage(updated.error())));
        m_ratesError->setVisible(true);
        return false;
    }
    m_ratesError->setVisible(false);
    Q_EMIT m_ctx.events.changed(u"tax_rate"_s, rate->id);
    return true;
}

void SettingsPage::reloadSeries()
{
    m_seriesStale = false;
    auto list = m_ctx.ledger.seriesList();
    const QList<NumberSeries> series = list ? list.value() : QList<NumberSeries> {};
    m_series->setRowCount(int(series.size()));
    const QString device = m_ctx.ledger.deviceId();
    for (int row = 0; row < series.size(); ++row) {
        const NumberSeries &s = series.at(row);
        auto *name = new QTableWidgetItem(s.name);
        name->setData(Qt::UserRole, s.id);
        m_series->setItem(row, 0, name);
        m_series->setItem(row, 1, new QTableWidgetItem(SeriesDialog::kindName(s.kind)));
        m_series->setItem(row, 2, new QTableWidgetItem(s.prefix));
        m_series->setItem(row, 3, new QTableWidgetItem(s.format(s.nextNumber)));
        m_series->setItem(row, 4,
                          new QTableWidgetItem(s.holderDeviceId == device ? tr("This computer")
                                                                          : tr("Another device")));
    }
    m_series->resizeColumnsToContents();
}

QDialog *SettingsPage::addSeries()
{
    auto *dialog = new SeriesDialog(m_ctx, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace Kontor
