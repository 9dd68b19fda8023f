// The Settings page: the company profile that heads every invoice (with its logo), the defaults
// new documents take (currency, payment terms, bank details), the tax rates, the number series,
// the language of the program and, where the ledger has a sync session, the sync account. Every
// change goes through the ledger's operations, so the same rules judge it as anywhere else, and is
// announced through LedgerEvents.
#pragma once

#include "entities.h"
#include "uicontext.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace Kontor {

class SyncAccountPage;

namespace Ui {
class FieldErrors;
}

class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    enum Tab { CompanyTab, TaxRatesTab, SeriesTab, LanguageTab, SyncTab };

    explicit SettingsPage(UiContext &ctx, QWidget *parent = nullptr);
    ~SettingsPage() override;

    // A tab the page does not have (Sync account without a sync session) is ignored.
    void showTab(Tab tab);
    SyncAccountPage *syncAccountPage() const { return m_syncAccount; }

    // Company profile: saves the form through Ledger::setCompany. False when the ledger refused
    // it (the error is then shown at its field) or nothing was changed.
    bool saveCompany();
    // Discards unsaved edits of the company form.
    void revertCompany();
    bool companyModified() const { return m_companyDirty; }
    // Takes a PNG, JPEG or SVG file as the new logo (saved with the profile). False, with the
    // reason shown, when the file cannot be read or is no image.
    bool loadLogoFile(const QString &path);
    void removeLogo();

    // Open the tax-rate and series dialogs (window-modal); return them for tests.
    QDialog *addTaxRate();
    QDialog *editSelectedTaxRate();
    bool toggleArchiveSelectedTaxRate();
    QDialog *addSeries();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildCompanyTab();
    QWidget *buildTaxRatesTab();
    QWidget *buildSeriesTab();
    QWidget *buildLanguageTab();
    void retranslateUi();
    void onLedgerChanged(const QString &entity);
    void reloadCompany();
    void reloadTaxRates();
    void reloadSeries();
    void setCompanyDirty(bool dirty);
    void updateLogoPreview();
    void updateTaxRateButtons();
    CompanyProfile companyFromForm() const;
    QString selectedTaxRateId() const;

    UiContext &m_ctx;
    QTabWidget *m_tabs = nullptr;

    // Company
    CompanyProfile m_loaded;
    QByteArray m_logo;
    QString m_logoMime;
    bool m_companyDirty = false;
    bool m_loading = false;
    bool m_companyStale = false;
    bool m_ratesStale = false;
    bool m_seriesStale = false;

    QGroupBox *m_identityGroup = nullptr;
    QGroupBox *m_addressGroup = nullptr;
    QGroupBox *m_logoGroup = nullptr;
    QGroupBox *m_invoicingGroup = nullptr;
    // Form labels with their untranslated text, set again on a language change.
    QList<std::pair<QLabel *, const char *>> m_labels;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_vatId = nullptr;
    QLineEdit *m_taxId = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_street = nullptr;
    QLineEdit *m_additional = nullptr;
    QLineEdit *m_postalCode = nullptr;
    QLineEdit *m_city = nullptr;
    QLineEdit *m_region = nullptr;
    QComboBox *m_country = nullptr;
    QLabel *m_logoPreview = nullptr;
    QPushButton *m_chooseLogo = nullptr;
    QPushButton *m_removeLogo = nullptr;
    QComboBox *m_currency = nullptr;
    QSpinBox *m_terms = nullptr;
    QLineEdit *m_bankName = nullptr;
    QLineEdit *m_iban = nullptr;
    QLineEdit *m_bic = nullptr;
    QLabel *m_companyError = nullptr;
    QLabel *m_companyStatus = nullptr;
    QPushButton *m_saveCompany = nullptr;
    QPushButton *m_revertCompany = nullptr;
    Ui::FieldErrors *m_companyErrors = nullptr;

    // Tax rates
    QTableWidget *m_rates = nullptr;
    QCheckBox *m_showArchived = nullptr;
    QPushButton *m_addRate = nullptr;
    QPushButton *m_editRate = nullptr;
    QPushButton *m_archiveRate = nullptr;
    QLabel *m_ratesError = nullptr;
    QList<TaxRate> m_rateList;

    // Series
    QTableWidget *m_series = nullptr;
    QPushButton *m_addSeries = nullptr;
    QLabel *m_seriesHint = nullptr;

    // Language
    QLabel *m_languageLabel = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_languageHint = nullptr;

    SyncAccountPage *m_syncAccount = nullptr;
};

} // namespace Kontor
