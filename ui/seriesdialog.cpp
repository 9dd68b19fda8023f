#include "seriesdialog.h"

#include "fielderrors.h"
#include "settingserrors.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {
constexpr DocumentKind kKinds[]
    = {DocumentKind::Invoice, DocumentKind::CreditNote, DocumentKind::Quote};
}

SeriesDialog::SeriesDialog(UiContext &ctx, QWidget *parent) : QDialog(parent), m_ctx(ctx)
{
    setObjectName(u"seriesDialog"_s);
    auto *form = new QFormLayout;

    m_name = new QLineEdit(this);
    m_name->setObjectName(u"seriesName"_s);
    m_nameLabel = new QLabel(this);
    m_nameLabel->setBuddy(m_name);
    form->addRow(m_nameLabel, m_name);

    m_kind = new QComboBox(this);
    m_kind->setObjectName(u"seriesKind"_s);
    for (DocumentKind k : kKinds)
        m_kind->addItem(QString(), documentKindName(k));
    m_kindLabel = new QLabel(this);
    m_kindLabel->setBuddy(m_kind);
    form->addRow(m_kindLabel, m_kind);

    m_prefix = new QLineEdit(this);
    m_prefix->setObjectName(u"seriesPrefix"_s);
    m_prefixLabel = new QLabel(this);
    m_prefixLabel->setBuddy(m_prefix);
    form->addRow(m_prefixLabel, m_prefix);

    m_width = new QSpinBox(this);
    m_width->setObjectName(u"seriesWidth"_s);
    // The model's bounds are 1 to 12; the spin box lets a wrong value reach the rules so the
    // message says why, instead of silently clamping.
    m_width->setRange(0, 20);
    m_width->setValue(4);
    m_widthLabel = new QLabel(this);
    m_widthLabel->setBuddy(m_width);
    form->addRow(m_widthLabel, m_width);

    m_preview = new QLabel(this);
    m_preview->setObjectName(u"seriesPreview"_s);
    m_preview->setWordWrap(true);

    m_error = new QLabel(this);
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setVisible(false);

    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(u"saveButton"_s);
    m_save->setDefault(true);
    m_cancel = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    connect(m_save, &QPushButton::clicked, this, &SeriesDialog::save);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);

    m_errors = new Ui::FieldErrors(this);
    m_errors->setMessageLabel(m_error);

    connect(m_prefix, &QLineEdit::textChanged, this, &SeriesDialog::updatePreview);
    connect(m_width, &QSpinBox::valueChanged, this, &SeriesDialog::updatePreview);
    retranslateUi();
    setMinimumWidth(420);
}

QString SeriesDialog::kindName(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::Invoice:
        return tr("Invoices");
    case DocumentKind::CreditNote:
        return tr("Credit notes");
    case DocumentKind::Quote:
        return tr("Quotes");
    }
    return {};
}

void SeriesDialog::retranslateUi()
{
    setWindowTitle(tr("New number series"));
    m_nameLabel->setText(tr("&Name:"));
    m_name->setAccessibleName(tr("Series name"));
    m_name->setPlaceholderText(tr("e.g. Laptop invoices 2026"));
    m_kindLabel->setText(tr("&Numbers:"));
    m_kind->setAccessibleName(tr("Kind of document"));
    for (int i = 0; i < m_kind->count(); ++i)
        m_kind->setItemText(i, kindName(kKinds[i]));
    m_prefixLabel->setText(tr("&Prefix:"));
    m_prefix->setAccessibleName(tr("Prefix"));
    m_prefix->setPlaceholderText(tr("e.g. 2026-B-"));
    m_widthLabel->setText(tr("&Digits:"));
    m_width->setAccessibleName(tr("Number width in digits"));
    m_save->setText(tr("&Add series"));
    m_cancel->setText(tr("Cancel"));
    m_errors->bind(u"name"_s, m_name, tr("Name"));
    m_errors->bind(u"prefix"_s, m_prefix, tr("Prefix"));
    m_errors->bind(u"width"_s, m_width, tr("Digits"));
    m_errors->bind(u"kind"_s, m_kind, tr("Numbers"));
    updatePreview();
}

void SeriesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

NumberSeries SeriesDialog::fromFields() const
{
    NumberSeries s;
    s.name = m_name->text().trimmed();
    s.prefix = m_prefix->text().trimmed();
    s.width = m_width->value();
    s.kind = documentKindFromName(m_kind->currentData().toString()).value_or(DocumentKind::Invoice);
    return s;
}

void SeriesDialog::updatePreview()
{
    const NumberSeries s = fromFields();
    if (s.width < 1 || s.width > 12) {
        m_preview->clear();
        return;
    }
    m_preview->setText(tr("The first number will be %1.").arg(s.format(1)));
}

bool SeriesDialog::save()
{
    auto added = m_ctx.ledger.addSeries(fromFields());
    if (!added) {
        m_errors->show(Ui::withSettingsMessage(added.error()));
        return false;
    }
    m_series = added.value();
    m_errors->clear();
    Q_EMIT m_ctx.events.changed(u"series"_s, m_series.id);
    accept();
    return true;
}

} // namespace Kontor
