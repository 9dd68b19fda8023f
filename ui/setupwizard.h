// The first-run setup (also File > New): asks for the few facts a ledger cannot start without
// (company name, country, currency, VAT ID and the prefix of the first number series) and creates
// the ledger file with them. Every answer is checked by the model's own rules on the page where
// it is typed; the file is written only when Finish is pressed and everything passed, and a
// failure leaves no file behind.
#pragma once

#include "entities.h"
#include "result.h"

#include <QWizard>

class QComboBox;
class QLabel;
class QLineEdit;

namespace Kontor {

namespace Ui {
class FieldErrors;
}

class SetupWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { CompanyPageId, NumberingPageId };

    // `targetPath` is the ledger file to create; it must not exist yet.
    explicit SetupWizard(const QString &targetPath, QWidget *parent = nullptr);
    ~SetupWizard() override;

    QString targetPath() const { return m_targetPath; }
    // True once the ledger file was created (the wizard was accepted).
    bool ledgerCreated() const { return m_created; }

    // What the answers make, for tests and for the controller.
    CompanyProfile company() const;
    QString seriesPrefix() const;

    bool validateCurrentPage() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildCompanyPage();
    void buildNumberingPage();
    void retranslateUi();
    void updatePreview();
    Status createLedger();

    QString m_targetPath;
    bool m_created = false;
    bool m_currencyTouched = false;

    QWizardPage *m_companyPage = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_countryLabel = nullptr;
    QComboBox *m_country = nullptr;
    QLabel *m_currencyLabel = nullptr;
    QComboBox *m_currency = nullptr;
    QLabel *m_vatLabel = nullptr;
    QLineEdit *m_vatId = nullptr;
    QLabel *m_vatHint = nullptr;
    QLabel *m_companyError = nullptr;
    Ui::FieldErrors *m_companyErrors = nullptr;

    QWizardPage *m_numberingPage = nullptr;
    QLabel *m_prefixLabel = nullptr;
    QLineEdit *m_prefix = nullptr;
    QLabel *m_prefixHint = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_locationLabel = nullptr;
    QLabel *m_numberingError = nullptr;
    Ui::FieldErrors *m_numberingErrors = nullptr;
};

} // namespace Kontor
