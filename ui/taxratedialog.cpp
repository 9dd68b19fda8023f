#include "taxratedialog.h"

#include "fielderrors.h"
#include "moneyformat.h"
#include "settingserrors.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {

constexpr TaxCategory kCategories[] = {
    TaxCategory::Standard,      TaxCategory::Zero,           TaxCategory::Exempt,
    TaxCategory::ReverseCharge, TaxCategory::IntraCommunity, TaxCategory::Export,
    TaxCategory::OutOfScope,
};

bool needsReason(TaxCategory c)
{
    return c != TaxCategory::Standard && c != TaxCategory::Zero;
}

QString percentText(int bp)
{
    QString text = Ui::formatPercent(bp);
    text.remove(u'%');
    return text.trimmed();
}

} // namespace

TaxRateDialog::TaxRateDialog(UiContext &ctx, const TaxRate &rate, QWidget *parent)
    : QDialog(parent), m_ctx(ctx), m_rate(rate)
{
    setObjectName(u"taxRateDialog"_s);
    auto *form = new QFormLayout;

    m_name = new QLineEdit(rate.name, this);
    m_name->setObjectName(u"taxRateName"_s);
    m_nameLabel = new QLabel(this);
    m_nameLabel->setBuddy(m_name);
    form->addRow(m_nameLabel, m_name);

    m_category = new QComboBox(this);
    m_category->setObjectName(u"taxCategory"_s);
    for (TaxCategory c : kCategories)
        m_category->addItem(QString(), taxCategoryCode(c));
    m_category->setCurrentIndex(m_category->findData(taxCategoryCode(rate.category)));
    m_categoryLabel = new QLabel(this);
    m_categoryLabel->setBuddy(m_category);
    form->addRow(m_categoryLabel, m_category);

    m_rateEdit = new QLineEdit(percentText(rate.rateBp), this);
    m_rateEdit->setObjectName(u"taxRateValue"_s);
    m_rateEdit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *rateRow = new QHBoxLayout;
    rateRow->addWidget(m_rateEdit);
    rateRow->addWidget(new QLabel(u"%"_s, this));
    m_rateLabel = new QLabel(this);
    m_rateLabel->setBuddy(m_rateEdit);
    form->addRow(m_rateLabel, rateRow);

    m_reason = new QLineEdit(rate.exemptionReason, this);
    m_reason->setObjectName(u"exemptionReason"_s);
    m_reasonLabel = new QLabel(this);
    m_reasonLabel->setBuddy(m_reason);
    form->addRow(m_reasonLabel, m_reason);

    m_code = new QLineEdit(rate.exemptionReasonCode, this);
    m_code->setObjectName(u"exemptionCode"_s);
    m_codeLabel = new QLabel(this);
    m_codeLabel->setBuddy(m_code);
    form->addRow(m_codeLabel, m_code);

    m_error = new QLabel(this);
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setVisible(false);

    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(u"saveButton"_s);
    m_save->setDefault(true);
    m_cancel = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    connect(m_save, &QPushButton::clicked, this, &TaxRateDialog::save);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);

    m_errors = new Ui::FieldErrors(this);
    m_errors->setMessageLabel(m_error);

    connect(m_category, &QComboBox::currentIndexChanged, this, &TaxRateDialog::updateForCategory);
    retranslateUi();
    updateForCategory();
    setMinimumWidth(440);
}

QString TaxRateDialog::categoryName(TaxCategory category)
{
    switch (category) {
    case TaxCategory::Standard:
        return tr("S — Standard rate");
    case TaxCategory::Zero:
        return tr("Z — Zero rated");
    case TaxCategory::Exempt:
        return tr("E — Exempt from VAT");
    case TaxCategory::ReverseCharge:
        return tr("AE — Reverse charge");
    case TaxCategory::IntraCommunity:
        return tr("K — Intra-community supply");
    case TaxCategory::Export:
        return tr("G — Export outside the EU");
    case TaxCategory::OutOfScope:
        return tr("O — Outside the scope of VAT");
    }
    return {};
}

void TaxRateDialog::retranslateUi()
{
    setWindowTitle(m_rate.id.isEmpty() ? tr("New tax rate") : tr("Edit tax rate"));
    m_nameLabel->setText(tr("&Name:"));
    m_name->setAccessibleName(tr("Tax rate name"));
    m_name->setPlaceholderText(tr("e.g. VAT 22%"));
    m_categoryLabel->setText(tr("&Category:"));
    m_category->setAccessibleName(tr("VAT category"));
    for (int i = 0; i < m_category->count(); ++i)
        m_category->setItemText(i, categoryName(kCategories[i]));
    m_rateLabel->setText(tr("&Rate:"));
    m_rateEdit->setAccessibleName(tr("Rate in percent"));
    m_reasonLabel->setText(tr("E&xemption reason:"));
    m_reason->setAccessibleName(tr("Exemption reason"));
    m_reason->setPlaceholderText(tr("e.g. Reverse charge"));
    m_codeLabel->setText(tr("Exemption &code:"));
    m_code->setAccessibleName(tr("Exemption reason code"));
    m_code->setPlaceholderText(tr("optional, e.g. VATEX-EU-AE"));
    m_save->setText(tr("&Save"));
    m_cancel->setText(tr("Cancel"));
    m_errors->bind(u"name"_s, m_name, tr("Name"));
    m_errors->bind(u"rate"_s, m_rateEdit, tr("Rate"));
    m_errors->bind(u"category"_s, m_category, tr("Category"));
    m_errors->bind(u"exemptionReason"_s, m_reason, tr("Exemption reason"));
    m_errors->bind(u"exemptionReasonCode"_s, m_code, tr("Exemption code"));
}

void TaxRateDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void TaxRateDialog::updateForCategory()
{
    const auto category
        = taxCategoryFromCode(m_category->currentData().toString()).value_or(TaxCategory::Standard);
    // Only S has a rate of its own, and only the exempt categories state a reason: the form
    // offers what the category allows instead of letting the user type what the rules refuse.
    const bool standard = category == TaxCategory::Standard;
    if (!standard)
        m_rateEdit->setText(percentText(0));
    m_rateEdit->setEnabled(standard);
    const bool reason = needsReason(category);
    if (!reason) {
        m_reason->clear();
        m_code->clear();
    }
    m_reason->setEnabled(reason);
    m_code->setEnabled(reason);
}

bool TaxRateDialog::save()
{
    TaxRate rate = m_rate;
    rate.name = m_name->text().trimmed();
    rate.category
        = taxCategoryFromCode(m_category->currentData().toString()).value_or(TaxCategory::Standard);
    QString rateText = m_rateEdit->text();
    rateText.remove(u'%');
    const auto bp = Ui::parsePercent(rateText.trimmed(), u"rate"_s);
    if (!bp) {
        m_errors->show(Ui::withSettingsMessage(bp.error()));
        return false;
    }
    rate.rateBp = bp.value();
    rate.exemptionReason = m_reason->text().trimmed();
    rate.exemptionReasonCode = m_code->text().trimmed();

    if (rate.id.isEmpty()) {
        auto added = m_ctx.ledger.addTaxRate(rate);
        if (!added) {
            m_errors->show(Ui::withSettingsMessage(added.error()));
            return false;
        }
        rate = added.value();
    } else if (auto updated = m_ctx.ledger.updateTaxRate(rate); !updated) {
        m_errors->show(Ui::withSettingsMessage(updated.error()));
        return false;
    }
    m_rate = rate;
    m_errors->clear();
    Q_EMIT m_ctx.events.changed(u"tax_rate"_s, rate.id);
    accept();
    return true;
}

} // namespace Kontor
