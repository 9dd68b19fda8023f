// Adds a number series to the ledger: its name, prefix, number width and the kind of document it
// numbers, with a preview of the first number. Series are never edited or removed once they
// exist, because issued numbers depend on them.
#pragma once

#include "entities.h"
#include "uicontext.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Kontor {

namespace Ui {
class FieldErrors;
}

class SeriesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SeriesDialog(UiContext &ctx, QWidget *parent = nullptr);

    NumberSeries savedSeries() const { return m_series; }
    static QString kindName(DocumentKind kind);

    // Adds the series through the ledger and accepts; on an error shows it at the field.
    bool save();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updatePreview();
    NumberSeries fromFields() const;

    UiContext &m_ctx;
    NumberSeries m_series;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_kindLabel = nullptr;
    QComboBox *m_kind = nullptr;
    QLabel *m_prefixLabel = nullptr;
    QLineEdit *m_prefix = nullptr;
    QLabel *m_widthLabel = nullptr;
    QSpinBox *m_width = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_cancel = nullptr;
    Ui::FieldErrors *m_errors = nullptr;
};

} // namespace Kontor
