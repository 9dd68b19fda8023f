// Adds or edits one tax rate of the ledger: name, rate, EN 16931 category (S, Z, E, AE, K, G, O)
// and, for the exempt categories, the exemption reason the invoice must state. The ledger's rules
// judge the answers; a broken one is shown at its field and nothing is saved.
#pragma once

#include "entities.h"
#include "uicontext.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Kontor {

namespace Ui {
class FieldErrors;
}

class TaxRateDialog : public QDialog
{
    Q_OBJECT
public:
    // A `rate` without id is a new one.
    TaxRateDialog(UiContext &ctx, const TaxRate &rate, QWidget *parent = nullptr);

    // The rate as saved (with its id) once the dialog was accepted.
    TaxRate savedRate() const { return m_rate; }

    // "Standard rate" for S, ...: how the category reads in the user's language.
    static QString categoryName(TaxCategory category);

    // Saves through the ledger and accepts; on an error shows it at the field and stays open.
    bool save();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateForCategory();

    UiContext &m_ctx;
    TaxRate m_rate;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_categoryLabel = nullptr;
    QComboBox *m_category = nullptr;
    QLabel *m_rateLabel = nullptr;
    QLineEdit *m_rateEdit = nullptr;
    QLabel *m_reasonLabel = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_codeLabel = nullptr;
    QLineEdit *m_code = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_cancel = nullptr;
    Ui::FieldErrors *m_errors = nullptr;
};

} // namespace Kontor
