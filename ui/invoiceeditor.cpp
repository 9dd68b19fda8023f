#include "invoiceeditor.h"

#include "creditnotedialog.h"
#include "customereditor.h"
#include "documentlinemodel.h"
#include "editorsupport.h"
#include "fielderrors.h"
#include "moneyformat.h"
#include "paymentdialog.h"
#include "pdfpreview.h"
#include "recordpicker.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Kontor {

using Ui::DocumentLineModel;
using Ui::EditorSupport;
using Ui::RecordPicker;

namespace {

constexpr int PickerRows = 20;

// Edits the cells of the line table: the product by typing (a RecordPicker over the ledger's
// products), units and tax rates from lists, the rest as text read by the model.
class LineDelegate : public QStyledItemDelegate
{
public:
    LineDelegate(Ledger &ledger, std::function<void(int row)> productPicked, QObject *parent)
        : QStyledItemDelegate(parent), m_ledger(ledger), m_productPicked(std::move(productPicked))
    { }

    void setTaxRates(const QList<TaxRate> &rates) { m_rates = rates; }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        auto *self = const_cast<LineDelegate *>(this);
        switch (index.column()) {
        case DocumentLineModel::ProductColumn: {
            auto *picker = new RecordPicker(parent);
            picker->setObjectName(u"productPicker"_s);
            picker->setAccessibleName(Ui::EditorSupport::tr("Product"));
            picker->setFrame(false);
            Ledger &ledger = m_ledger;
            picker->setSearch([&ledger](const QString &text) {
                QList<RecordPicker::Item> items;
                ProductQuery query;
                query.search = text;
                query.limit = PickerRows;
                if (auto page = ledger.products(query))
                    for (const Product &p : page->items)
                        items.append({p.id, p.name, p.description});
                return items;
            });
            const QPersistentModelIndex cell(index);
            QObject::connect(picker, &RecordPicker::picked, self, [self, picker, cell] {
                Q_EMIT self->commitData(picker);
                Q_EMIT self->closeEditor(picker, QAbstractItemDelegate::NoHint);
                if (cell.isValid() && self->m_productPicked)
                    self->m_productPicked(cell.row());
            });
            return picker;
        }
        case DocumentLineModel::UnitColumn: {
            auto *combo = new QComboBox(parent);
            combo->setObjectName(u"unitEditor"_s);
            combo->setAccessibleName(Ui::EditorSupport::tr("Unit"));
            EditorSupport::fillUnitCombo(combo);
            QObject::connect(combo, &QComboBox::activated, self,
                             [self, combo] { Q_EMIT self->commitData(combo); });
            return combo;
        }
        case DocumentLineModel::TaxRateColumn: {
            auto *combo = new QComboBox(parent);
            combo->setObjectName(u"taxRateEditor"_s);
            combo->setAccessibleName(Ui::EditorSupport::tr("VAT rate"));
            for (const TaxRate &r : m_rates)
                if (!r.archived)
                    combo->addItem(r.name, r.id);
            QObject::connect(combo, &QComboBox::activated, self,
                             [self, combo] { Q_EMIT self->commitData(combo); });
            return combo;
        }
        default: {
            QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
            if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
                edit->setObjectName(u"cellEditor"_s);
                const QVariant align = index.data(Qt::TextAlignmentRole);
                if (align.isValid())
                    edit->setAlignment(Qt::Alignment(align.toInt()));
            }
            return editor;
        }
        }
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *picker = qobject_cast<RecordPicker *>(editor)) {
            picker->setCurrent(index.data(Qt::EditRole).toString(),
                               index.data(Qt::DisplayRole).toString());
            return;
        }
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            const QString value = index.data(Qt::EditRole).toString();
            if (index.column() == DocumentLineModel::UnitColumn) {
                EditorSupport::setUnit(combo, value);
            } else if (!EditorSupport::selectData(combo, value)) {
                // An archived rate still on the line: offer it, so the editor does not change it.
                const QString name = index.data(Qt::DisplayRole).toString();
                combo->addItem(name, value);
                EditorSupport::selectData(combo, value);
            }
            return;
        }
        QStyledItemDelegate::setEditorData(editor, index);
    }

    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override
    {
        if (auto *picker = qobject_cast<RecordPicker *>(editor)) {
            // Committing by Tab or Enter: the key decides where the focus goes next, so a
            // product found here must not also count as picked from the list.
            const QSignalBlocker blocker(picker);
            const QString id = picker->resolve();
            const QString typed = picker->text().trimmed();
            if (!id.isEmpty() || typed.isEmpty()) {
                model->setData(index, id);
            } else {
                // No product of that name: the text describes a line without a product.
                model->setData(index, QString());
                model->setData(index.siblingAtColumn(DocumentLineModel::DescriptionColumn), typed);
            }
            return;
        }
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            if (index.column() == DocumentLineModel::UnitColumn)
                model->setData(index, EditorSupport::unit(combo));
            else
                model->setData(index, combo->currentData());
            return;
        }
        QStyledItemDelegate::setModelData(editor, model, index);
    }

private:
    Ledger &m_ledger;
    std::function<void(int row)> m_productPicked;
    QList<TaxRate> m_rates;
};

bool isMarkOnly(const QList<int> &roles)
{
    if (roles.isEmpty())
        return false;
    for (int role : roles)
        if (role != Ui::FieldErrorRole && role != Qt::BackgroundRole && role != Qt::ToolTipRole)
            return false;
    return true;
}

QString categoryName(TaxCategory category)
{
    switch (category) {
    case TaxCategory::Standard:
        return InvoiceEditor::tr("Standard rate");
    case TaxCategory::Zero:
        return InvoiceEditor::tr("Zero rated");
    case TaxCategory::Exempt:
        return InvoiceEditor::tr("Exempt");
    case TaxCategory::ReverseCharge:
        return InvoiceEditor::tr("Reverse charge");
    case TaxCategory::IntraCommunity:
        return InvoiceEditor::tr("Intra-community supply");
    case TaxCategory::Export:
        return InvoiceEditor::tr("Export outside the EU");
    case TaxCategory::OutOfScope:
        return InvoiceEditor::tr("Outside the scope of VAT");
    }
    return {};
}

QPushButton *commandButton(QWidget *parent, const QString &objectName, const QString &text,
                           const QIcon &icon)
{
    auto *button = new QPushButton(icon, text, parent);
    button->setObjectName(objectName);
    // Enter in a field must never press a button: Delete would be one keystroke away.
    button->setAutoDefault(false);
    button->setDefault(false);
    return button;
}

QString withShortcut(const QString &text, const QKeySequence &keys)
{
    return InvoiceEditor::tr("%1 (%2)").arg(text, keys.toString(QKeySequence::NativeText));
}

} // namespace

InvoiceEditor::InvoiceEditor(UiContext &ctx, const QString &documentId, DocumentKind kindForNew,
                             const QString &customerId, QWidget *parent)
    : QDialog(parent), m_ctx(ctx)
{
    setObjectName(u"invoiceEditor"_s);
    if (auto company = ctx.ledger.company())
        m_company = company.value();
    if (auto rates = ctx.ledger.taxRates(true))
        m_taxRates = rates.value();
    buildUi();

    connect(&ctx.events, &LedgerEvents::changed, this,
            [this](const QString &entity, const QString &id) {
                if (m_emitting)
                    return;
                if (entity == u"tax_rate"_s) {
                    if (auto rates = m_ctx.ledger.taxRates(true)) {
                        m_taxRates = rates.value();
                        m_lines->setTaxRates(m_taxRates);
                    }
                }
                // Someone else changed this document (a payment from the payments page):
                // show it, unless that would throw away the user's edits.
                if (!id.isEmpty() && id == m_doc.id && !m_dirty)
                    load(id);
            });

    if (documentId.isEmpty())
        startNew(kindForNew == DocumentKind::CreditNote ? DocumentKind::Invoice : kindForNew,
                 customerId);
    else
        load(documentId);
    resize(980, 720);
}

void InvoiceEditor::buildUi()
{
    m_title = new QLabel(this);
    m_title->setObjectName(u"title"_s);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(u"status"_s);
    m_statusLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_reference = new QLabel(this);
    m_reference->setObjectName(u"reference"_s);
    m_reference->setTextFormat(Qt::RichText);
    m_reference->setTextInteractionFlags(Qt::LinksAccessibleByMouse
                                         | Qt::LinksAccessibleByKeyboard);
    connect(m_reference, &QLabel::linkActivated, this, &InvoiceEditor::openReference);

    m_customer = new RecordPicker(this);
    m_customer->setObjectName(u"customerPicker"_s);
    m_customer->setAccessibleName(tr("Customer"));
    m_customer->setPlaceholderText(tr("Type a customer's name"));
    m_customer->setSearch([this](const QString &text) {
        QList<RecordPicker::Item> items;
        CustomerQuery query;
        query.search = text;
        query.limit = PickerRows;
        if (auto page = m_ctx.ledger.customers(query))
            for (const Customer &c : page->items)
                items.append({c.id, c.name, c.vatId.isEmpty() ? c.email : c.vatId});
        return items;
    });
    connect(m_customer, &RecordPicker::picked, this, &InvoiceEditor::customerPicked);
    connect(m_customer, &QLineEdit::textEdited, this, [this] { markDirty(); });
    m_newCustomer = new QToolButton(this);
    m_newCustomer->setObjectName(u"newCustomerButton"_s);
    m_newCustomer->setIcon(EditorSupport::icon(u"new-customer"_s, QStyle::SP_FileDialogNewFolder));
    m_newCustomer->setText(tr("New customer..."));
    m_newCustomer->setToolTip(tr("Create a customer with the name typed"));
    m_newCustomer->setAccessibleName(tr("New customer"));
    m_newCustomer->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_newCustomer, &QToolButton::clicked, this, &InvoiceEditor::newCustomer);

    m_issueDate = new QDateEdit(this);
    m_issueDate->setObjectName(u"issueDate"_s);
    m_issueDate->setAccessibleName(tr("Issue date"));
    m_issueDate->setCalendarPopup(true);
    connect(m_issueDate, &QDateEdit::dateChanged, this, [this] {
        if (m_loading)
            return;
        applyDefaultDueDate();
        markDirty();
        updateTotals();
    });
    m_dueDate = new QDateEdit(this);
    m_dueDate->setObjectName(u"dueDate"_s);
    m_dueDate->setAccessibleName(tr("Due date"));
    m_dueDate->setCalendarPopup(true);
    connect(m_dueDate, &QDateEdit::dateChanged, this, [this] {
        if (m_loading || m_settingDue)
            return;
        m_dueEdited = true;
        markDirty();
        updateTotals();
    });
    m_dueLabel = new QLabel(tr("Due dat&e:"), this);
    m_dueLabel->setBuddy(m_dueDate);

    m_currency = new QComboBox(this);
    m_currency->setObjectName(u"currency"_s);
    m_currency->setAccessibleName(tr("Currency"));
    EditorSupport::fillCurrencyCombo(m_currency);
    auto currencyChanged = [this] {
        if (m_loading)
            return;
        m_currencyEdited = true;
        m_lines->setCurrency(EditorSupport::currency(m_currency));
        markDirty();
        updateTotals();
    };
    connect(m_currency, &QComboBox::currentIndexChanged, this, currencyChanged);
    connect(m_currency->lineEdit(), &QLineEdit::textEdited, this, currencyChanged);

    m_buyerReference = new QLineEdit(this);
    m_buyerReference->setObjectName(u"buyerReference"_s);
    m_buyerReference->setAccessibleName(tr("Buyer reference"));
    m_buyerReference->setPlaceholderText(tr("The customer's order or reference"));
    connect(m_buyerReference, &QLineEdit::textEdited, this, [this] { markDirty(); });

    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(u"notes"_s);
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setPlaceholderText(tr("Printed below the lines"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(110);
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] { markDirty(); });

    // The lines.
    m_lines = new DocumentLineModel(this);
    m_lines->setTaxRates(m_taxRates);
    int bestRate = -1;
    for (const TaxRate &r : std::as_const(m_taxRates)) {
        if (!r.archived && r.category == TaxCategory::Standard && r.rateBp > bestRate) {
            bestRate = r.rateBp;
            m_lines->setDefaultTaxRateId(r.id);
        }
    }
    if (m_lines->defaultTaxRateId().isEmpty() && !m_taxRates.isEmpty())
        m_lines->setDefaultTaxRateId(m_taxRates.first().id);
    m_lines->setProductLookup([this](const QString &id) -> std::optional<Product> {
        auto p = m_ctx.ledger.product(id);
        return p ? std::optional<Product>(p.value()) : std::nullopt;
    });
    m_table = new QTableView(this);
    m_table->setObjectName(u"lines"_s);
    m_table->setAccessibleName(tr("Lines"));
    m_table->setModel(m_lines);
    auto *delegate = new LineDelegate(
        m_ctx.ledger,
        [this](int row) {
            // After a product the quantity is what is typed next.
            QTimer::singleShot(0, this, [this, row] {
                if (row >= m_lines->rowCount() || m_readOnly)
                    return;
                const QModelIndex quantity = m_lines->index(row, DocumentLineModel::QuantityColumn);
                m_table->setCurrentIndex(quantity);
                m_table->edit(quantity);
            });
        },
        m_table);
    delegate->setTaxRates(m_taxRates);
    m_table->setItemDelegate(delegate);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed
                             | QAbstractItemView::SelectedClicked);
    m_table->setTabKeyNavigation(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(DocumentLineModel::DescriptionColumn, QHeaderView::Stretch);
    header->resizeSection(DocumentLineModel::ProductColumn, 170);
    header->resizeSection(DocumentLineModel::QuantityColumn, 80);
    header->resizeSection(DocumentLineModel::UnitColumn, 90);
    header->resizeSection(DocumentLineModel::UnitPriceColumn, 100);
    header->resizeSection(DocumentLineModel::DiscountColumn, 80);
    header->resizeSection(DocumentLineModel::TaxRateColumn, 110);
    header->resizeSection(DocumentLineModel::NetColumn, 110);

    connect(m_lines, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (isMarkOnly(roles) || m_loading)
                    return;
                markDirty();
                updateTotals();
            });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_lines, signal, this, [this] {
            if (m_loading)
                return;
            markDirty();
            updateTotals();
            updateActions();
        });
    connect(m_lines, &QAbstractItemModel::rowsMoved, this, [this] {
        markDirty();
        updateTotals();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { updateActions(); });

    // Line commands: buttons, and keys on the table itself so they never steal a key from a
    // cell being edited.
    m_addLine = commandButton(this, u"addLineButton"_s, tr("&Add line"),
                              EditorSupport::icon(u"add"_s, QStyle::SP_FileDialogNewFolder));
    m_addLine->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_addLine->setToolTip(withShortcut(tr("Add a line"), m_addLine->shortcut()));
    connect(m_addLine, &QPushButton::clicked, this, &InvoiceEditor::addLine);
    m_removeLine = commandButton(this, u"removeLineButton"_s, tr("&Remove line"),
                                 EditorSupport::icon(u"delete"_s, QStyle::SP_TrashIcon));
    m_removeLine->setToolTip(
        withShortcut(tr("Remove the current line"), QKeySequence(Qt::CTRL | Qt::Key_Delete)));
    connect(m_removeLine, &QPushButton::clicked, this, &InvoiceEditor::removeCurrentLine);
    m_lineUp = commandButton(this, u"lineUpButton"_s, tr("Move &up"),
                             EditorSupport::icon(u"go-up"_s, QStyle::SP_ArrowUp));
    m_lineUp->setToolTip(
        withShortcut(tr("Move the current line up"), QKeySequence(Qt::CTRL | Qt::Key_Up)));
    connect(m_lineUp, &QPushButton::clicked, this, [this] { moveCurrentLine(-1); });
    m_lineDown = commandButton(this, u"lineDownButton"_s, tr("Move do&wn"),
                               EditorSupport::icon(u"go-down"_s, QStyle::SP_ArrowDown));
    m_lineDown->setToolTip(
        withShortcut(tr("Move the current line down"), QKeySequence(Qt::CTRL | Qt::Key_Down)));
    connect(m_lineDown, &QPushButton::clicked, this, [this] { moveCurrentLine(1); });
    auto tableKey = [this](const QKeySequence &keys, auto slot) {
        auto *action = new QAction(m_table);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_table->addAction(action);
    };
    tableKey(QKeySequence(Qt::Key_Insert), [this] { addLine(); });
    tableKey(QKeySequence(Qt::CTRL | Qt::Key_Delete), [this] { removeCurrentLine(); });
    tableKey(QKeySequence(Qt::CTRL | Qt::Key_Up), [this] { moveCurrentLine(-1); });
    tableKey(QKeySequence(Qt::CTRL | Qt::Key_Down), [this] { moveCurrentLine(1); });

    // Totals.
    auto totalLabel = [this](const QString &name) {
        auto *label = new QLabel(this);
        label->setObjectName(name);
        label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    m_netTotal = totalLabel(u"netTotal"_s);
    m_vatTotal = totalLabel(u"vatTotal"_s);
    m_grandTotal = totalLabel(u"grandTotal"_s);
    QFont grandFont = m_grandTotal->font();
    grandFont.setBold(true);
    m_grandTotal->setFont(grandFont);
    m_breakdown = totalLabel(u"vatBreakdown"_s);
    m_breakdown->setAccessibleName(tr("VAT breakdown"));
    m_balance = totalLabel(u"balance"_s);
    m_balance->setAccessibleName(tr("Payments and balance"));

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(u"errorLabel"_s);
    m_info = new QLabel(this);
    m_info->setObjectName(u"info"_s);
    m_info->setWordWrap(true);
    m_info->setVisible(false);

    // Commands.
    m_saveButton = commandButton(this, u"saveButton"_s, tr("&Save draft"),
                                 EditorSupport::icon(u"save"_s, QStyle::SP_DialogSaveButton));
    m_saveButton->setShortcut(QKeySequence::Save);
    m_saveButton->setToolTip(withShortcut(tr("Save the draft"), QKeySequence::Save));
    connect(m_saveButton, &QPushButton::clicked, this, [this] { (void)saveDraft(); });
    m_issueButton = commandButton(this, u"issueButton"_s, tr("&Issue..."),
                                  EditorSupport::icon(u"issue"_s, QStyle::SP_DialogApplyButton));
    m_issueButton->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_issueButton->setToolTip(withShortcut(tr("Give the document its number and make it final"),
                                           m_issueButton->shortcut()));
    connect(m_issueButton, &QPushButton::clicked, this, [this] { (void)issue(); });
    m_deleteButton = commandButton(this, u"deleteButton"_s, tr("Delete draft"),
                                   EditorSupport::icon(u"delete"_s, QStyle::SP_TrashIcon));
    connect(m_deleteButton, &QPushButton::clicked, this, [this] { (void)deleteDraft(); });
    m_pdfButton = commandButton(this, u"pdfButton"_s, tr("&PDF..."),
                                EditorSupport::icon(u"pdf"_s, QStyle::SP_FileIcon));
    m_pdfButton->setShortcut(QKeySequence::Print);
    m_pdfButton->setToolTip(
        withShortcut(tr("Preview, save, print or send the PDF"), QKeySequence::Print));
    connect(m_pdfButton, &QPushButton::clicked, this, &InvoiceEditor::showPdf);
    m_duplicateButton
        = commandButton(this, u"duplicateButton"_s, tr("Dup&licate"),
                        EditorSupport::icon(u"duplicate"_s, QStyle::SP_FileDialogNewFolder));
    m_duplicateButton->setToolTip(tr("Start a new draft with the same customer and lines"));
    connect(m_duplicateButton, &QPushButton::clicked, this, [this] { (void)duplicate(); });
    m_creditButton = commandButton(this, u"creditNoteButton"_s, tr("Cre&dit note..."),
                                   EditorSupport::icon(u"credit-note"_s, QStyle::SP_BrowserReload));
    m_creditButton->setToolTip(tr("Correct this invoice, in whole or in part"));
    connect(m_creditButton, &QPushButton::clicked, this, [this] { (void)createCreditNote(); });
    m_paymentButton
        = commandButton(this, u"paymentButton"_s, tr("Record pa&yment..."),
                        EditorSupport::icon(u"payment"_s, QStyle::SP_DialogApplyButton));
    m_paymentButton->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_paymentButton->setToolTip(
        withShortcut(tr("Record a payment of this invoice"), m_paymentButton->shortcut()));
    connect(m_paymentButton, &QPushButton::clicked, this, [this] { (void)recordPayment(); });
    m_convertButton = commandButton(this, u"convertButton"_s, tr("Convert to &invoice"),
                                    EditorSupport::icon(u"convert"_s, QStyle::SP_ArrowForward));
    connect(m_convertButton, &QPushButton::clicked, this, [this] { (void)convertToInvoice(); });
    m_closeButton = commandButton(this, u"closeButton"_s, tr("Close"),
                                  EditorSupport::icon(u"close"_s, QStyle::SP_DialogCloseButton));
    connect(m_closeButton, &QPushButton::clicked, this, &InvoiceEditor::reject);

    // Layout.
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_statusLabel);

    auto *customerRow = new QHBoxLayout;
    customerRow->addWidget(m_customer, 1);
    customerRow->addWidget(m_newCustomer);
    auto *form = new QGridLayout;
    auto *customerLabel = new QLabel(tr("&Customer:"), this);
    customerLabel->setBuddy(m_customer);
    auto *issueLabel = new QLabel(tr("Issue da&te:"), this);
    issueLabel->setBuddy(m_issueDate);
    auto *currencyLabel = new QLabel(tr("Curre&ncy:"), this);
    currencyLabel->setBuddy(m_currency);
    auto *referenceLabel = new QLabel(tr("&Buyer reference:"), this);
    referenceLabel->setBuddy(m_buyerReference);
    form->addWidget(customerLabel, 0, 0);
    form->addLayout(customerRow, 0, 1);
    form->addWidget(issueLabel, 0, 2);
    form->addWidget(m_issueDate, 0, 3);
    form->addWidget(currencyLabel, 1, 0);
    form->addWidget(m_currency, 1, 1, Qt::AlignLeft);
    form->addWidget(m_dueLabel, 1, 2);
    form->addWidget(m_dueDate, 1, 3);
    form->addWidget(referenceLabel, 2, 0);
    form->addWidget(m_buyerReference, 2, 1);
    form->setColumnStretch(1, 1);

    auto *lineButtons = new QHBoxLayout;
    lineButtons->addWidget(m_addLine);
    lineButtons->addWidget(m_removeLine);
    lineButtons->addWidget(m_lineUp);
    lineButtons->addWidget(m_lineDown);
    lineButtons->addStretch();

    auto *notesBox = new QGroupBox(tr("N&otes"), this);
    auto *notesLayout = new QVBoxLayout(notesBox);
    notesLayout->addWidget(m_notes);
    auto *totalsBox = new QGroupBox(tr("Totals"), this);
    auto *totals = new QFormLayout(totalsBox);
    totals->setLabelAlignment(Qt::AlignRight);
    totals->addRow(tr("Net:"), m_netTotal);
    totals->addRow(tr("VAT breakdown:"), m_breakdown);
    totals->addRow(tr("VAT:"), m_vatTotal);
    totals->addRow(tr("Total:"), m_grandTotal);
    totals->addRow(QString(), m_balance);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(notesBox, 3);
    bottom->addWidget(totalsBox, 2);

    auto *commands = new QHBoxLayout;
    commands->addWidget(m_deleteButton);
    commands->addStretch();
    for (QPushButton *b : {m_pdfButton, m_duplicateButton, m_creditButton, m_paymentButton,
                           m_convertButton, m_saveButton, m_issueButton, m_closeButton})
        commands->addWidget(b);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(titleRow);
    layout->addWidget(m_reference);
    layout->addLayout(form);
    layout->addLayout(lineButtons);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_info);
    layout->addLayout(commands);

    setTabOrder(m_customer, m_newCustomer);
    setTabOrder(m_newCustomer, m_issueDate);
    setTabOrder(m_issueDate, m_dueDate);
    setTabOrder(m_dueDate, m_currency);
    setTabOrder(m_currency, m_buyerReference);
    setTabOrder(m_buyerReference, m_addLine);
    setTabOrder(m_addLine, m_table);
    setTabOrder(m_table, m_removeLine);
    setTabOrder(m_removeLine, m_lineUp);
    setTabOrder(m_lineUp, m_lineDown);
    setTabOrder(m_lineDown, m_notes);
    setTabOrder(m_notes, m_saveButton);
    setTabOrder(m_saveButton, m_issueButton);

    m_errors = new Ui::FieldErrors(this);
    m_errors->setMessageLabel(m_errorLabel);
    m_errors->bind(u"customer"_s, m_customer, tr("Customer"));
    m_errors->bind(u"issueDate"_s, m_issueDate, tr("Issue date"));
    m_errors->bind(u"dueDate"_s, m_dueDate, tr("Due date"));
    m_errors->bind(u"currency"_s, m_currency, tr("Currency"));
    m_errors->bind(u"buyerReference"_s, m_buyerReference, tr("Buyer reference"));
    m_errors->bind(u"notes"_s, m_notes, tr("Notes"));
    m_errors->bindTable(u"lines"_s, m_table, DocumentLineModel::fieldColumns(),
                        DocumentLineModel::NetColumn, tr("Lines"));
}

QString InvoiceEditor::documentTitle() const
{
    const QString kind = EditorSupport::kindName(m_doc.kind);
    if (m_doc.id.isEmpty()) {
        switch (m_doc.kind) {
        case DocumentKind::Quote:
            return tr("New quote");
        case DocumentKind::CreditNote:
            return tr("New credit note");
        case DocumentKind::Invoice:
            return tr("New invoice");
        }
    }
    if (!m_doc.number.isEmpty())
        return tr("%1 %2").arg(kind, m_doc.number);
    if (m_doc.kind == DocumentKind::Quote)
        return m_doc.customerName.isEmpty() ? kind : tr("%1 for %2").arg(kind, m_doc.customerName);
    return tr("%1 draft").arg(kind);
}

void InvoiceEditor::startNew(DocumentKind kind, const QString &customerId)
{
    Document d;
    d.kind = kind;
    d.currency = m_company.currency.isEmpty() ? u"EUR"_s : m_company.currency;
    d.issueDate = m_ctx.ledger.store().today();
    if (!customerId.isEmpty()) {
        if (auto c = m_ctx.ledger.customer(customerId)) {
            d.customerId = c->id;
            d.customerName = c->name;
            if (!c->currency.isEmpty())
                d.currency = c->currency;
        }
    }
    m_doc = d;
    m_dueEdited = false;
    m_currencyEdited = false;
    showDocument();
    m_dirty = false;
    setWindowModified(false);
    m_customer->setFocus();
}

void InvoiceEditor::load(const QString &documentId)
{
    auto loaded = m_ctx.ledger.document(documentId);
    if (!loaded) {
        showError(loaded.error());
        setReadOnly(true);
        for (QPushButton *b : {m_saveButton, m_issueButton, m_deleteButton, m_pdfButton,
                               m_duplicateButton, m_creditButton, m_paymentButton, m_convertButton})
            b->setVisible(false);
        return;
    }
    m_doc = loaded.value();
    m_currencyEdited = true; // a stored draft keeps its currency whoever the customer is
    showDocument();
    m_dirty = false;
    setWindowModified(false);
}

void InvoiceEditor::showDocument()
{
    m_loading = true;
    m_errors->clear();
    m_liveError = false;

    m_customer->setCurrent(m_doc.customerId,
                           m_doc.isIssued() && !m_doc.customerSnapshot.name.isEmpty()
                               ? m_doc.customerSnapshot.name
                               : m_doc.customerName);
    m_issueDate->setDate(m_doc.issueDate.isValid() ? m_doc.issueDate
                                                   : m_ctx.ledger.store().today());
    {
        const QSignalBlocker blocker(m_dueDate);
        const QDate fallback = defaultDueDate();
        m_dueDate->setDate(m_doc.dueDate.isValid() ? m_doc.dueDate : fallback);
        m_dueEdited = m_doc.dueDate.isValid() && m_doc.dueDate != fallback;
    }
    m_dueLabel->setText(m_doc.kind == DocumentKind::Quote ? tr("&Valid until:") : tr("Due dat&e:"));
    EditorSupport::setCurrency(m_currency, m_doc.currency);
    m_buyerReference->setText(m_doc.buyerReference);
    m_notes->setPlainText(m_doc.notes);

    QHash<QString, QString> productNames;
    for (const DocumentLine &l : std::as_const(m_doc.lines)) {
        if (!l.productId.isEmpty() && !productNames.contains(l.productId)) {
            if (auto p = m_ctx.ledger.product(l.productId))
                productNames.insert(l.productId, p->name);
        }
    }
    m_lines->setCurrency(m_doc.currency);
    m_lines->setLines(m_doc.lines, productNames);

    const bool readOnly = m_doc.isIssued()
        || (m_doc.kind == DocumentKind::Quote && m_doc.status == DocumentStatus::Converted);
    setReadOnly(readOnly);

    m_title->setText(documentTitle());
    setWindowTitle(documentTitle() + u"[*]"_s);

    QString status = EditorSupport::statusName(m_doc.kind, m_doc.status);
    if (m_doc.id.isEmpty())
        status = tr("Not saved yet");
    else if (m_doc.isOverdue(m_ctx.ledger.store().today()))
        status = tr("%1, overdue since %2").arg(status, Ui::formatDate(m_doc.dueDate));
    m_statusLabel->setText(status);

    // Related documents, as links when there is a navigator to open them.
    auto link = [this](const QString &id, const QString &text) {
        return m_ctx.navigator ? u"<a href=\"doc:%1\">%2</a>"_s.arg(id, text.toHtmlEscaped())
                               : text.toHtmlEscaped();
    };
    QStringList related;
    if (m_doc.kind == DocumentKind::CreditNote && !m_doc.referenceId.isEmpty()) {
        if (auto invoice = m_ctx.ledger.document(m_doc.referenceId))
            related.append(tr("Corrects invoice %1").arg(link(invoice->id, invoice->number)));
    }
    if (m_doc.kind == DocumentKind::Invoice && !m_doc.referenceId.isEmpty())
        related.append(tr("Made from %1").arg(link(m_doc.referenceId, tr("a quote"))));
    if (!m_doc.id.isEmpty()
        && (m_doc.kind == DocumentKind::Quote
            || (m_doc.kind == DocumentKind::Invoice && m_doc.isIssued()))) {
        DocumentQuery query;
        query.kind
            = m_doc.kind == DocumentKind::Quote ? DocumentKind::Invoice : DocumentKind::CreditNote;
        query.referenceId = m_doc.id;
        query.limit = 10;
        if (auto page = m_ctx.ledger.documents(query); page && !page->items.isEmpty()) {
            QStringList links;
            for (const DocumentSummary &s : page->items)
                links.append(link(s.id, s.number.isEmpty() ? tr("draft") : s.number));
            related.append(m_doc.kind == DocumentKind::Quote
                               ? tr("Invoice: %1").arg(links.join(u", "_s))
                               : tr("Credit notes: %1").arg(links.join(u", "_s)));
        }
    }
    m_reference->setText(related.join(u" · "_s));
    m_reference->setVisible(!related.isEmpty());

    m_loading = false;
    updateTotals();
    updateActions();
}

void InvoiceEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_customer->setReadOnly(readOnly);
    m_newCustomer->setVisible(!readOnly);
    m_issueDate->setReadOnly(readOnly);
    m_dueDate->setReadOnly(readOnly);
    m_currency->setEnabled(!readOnly);
    m_buyerReference->setReadOnly(readOnly);
    m_notes->setReadOnly(readOnly);
    // Hints on how to fill a field mean nothing on a document that can no longer change.
    m_buyerReference->setPlaceholderText(readOnly ? QString()
                                                  : tr("The customer's order or reference"));
    m_notes->setPlaceholderText(readOnly ? QString() : tr("Printed below the lines"));
    m_lines->setReadOnly(readOnly);
    m_table->setEditTriggers(
        readOnly ? QAbstractItemView::NoEditTriggers
                 : QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    for (QPushButton *b : {m_addLine, m_removeLine, m_lineUp, m_lineDown})
        b->setVisible(!readOnly);
}

void InvoiceEditor::updateActions()
{
    const bool saved = !m_doc.id.isEmpty();
    const bool draft = !m_readOnly;
    const bool invoice = m_doc.kind == DocumentKind::Invoice;
    const bool quote = m_doc.kind == DocumentKind::Quote;
    const bool issued = m_doc.isIssued();

    m_saveButton->setVisible(draft);
    m_saveButton->setText(quote ? tr("&Save") : tr("&Save draft"));
    m_issueButton->setVisible(draft && !quote);
    m_deleteButton->setVisible(draft);
    m_deleteButton->setText(quote ? tr("Delete quote") : tr("Delete draft"));
    m_pdfButton->setVisible(true);
    m_duplicateButton->setVisible(saved && m_doc.kind != DocumentKind::CreditNote);
    m_convertButton->setVisible(quote && saved && m_doc.status != DocumentStatus::Converted);
    m_creditButton->setVisible(invoice && issued && m_doc.totals.payable - m_doc.creditedMinor > 0);
    m_paymentButton->setVisible(invoice && issued && m_doc.balanceMinor() > 0);

    const int row = m_table->currentIndex().isValid() ? m_table->currentIndex().row() : -1;
    m_removeLine->setEnabled(draft && row >= 0);
    m_lineUp->setEnabled(draft && row > 0);
    m_lineDown->setEnabled(draft && row >= 0 && row < m_lines->rowCount() - 1);
}

void InvoiceEditor::updateTotals()
{
    if (m_loading)
        return;
    const QString currency = m_readOnly ? m_doc.currency : EditorSupport::currency(m_currency);
    if (m_readOnly) {
        // Issued figures are the ledger's, frozen at issue.
        showTotals(m_doc.totals, currency);
        return;
    }
    auto liveError = [this](const Error &error) {
        m_errors->show(error, false);
        m_liveError = true;
        m_netTotal->setText(u"—"_s);
        m_vatTotal->setText(u"—"_s);
        m_grandTotal->setText(u"—"_s);
        m_breakdown->setText(tr("Correct the marked cell to see the totals."));
    };
    if (const auto inputError = m_lines->firstInputError()) {
        liveError(*inputError);
        return;
    }
    Document d;
    d.kind = m_doc.kind;
    d.currency = currency;
    d.issueDate = m_issueDate->date();
    d.dueDate = m_dueDate->date();
    d.lines = m_lines->lines();
    const Ledger &ledger = m_ctx.ledger;
    const TaxRateLookup lookup = [&ledger](const QString &id) { return ledger.taxRate(id); };
    if (Status computed = computeTotals(d, lookup); !computed) {
        liveError(computed.error());
        return;
    }
    showTotals(d.totals, currency);
    if (Status valid = validateDraft(d, lookup); !valid) {
        m_errors->show(valid.error(), false);
        m_liveError = true;
    } else if (m_liveError) {
        m_errors->clear();
        m_liveError = false;
    }
}

void InvoiceEditor::showTotals(const DocumentTotals &totals, const QString &currency)
{
    m_netTotal->setText(Ui::formatMoney(totals.taxExclusive, currency));
    m_vatTotal->setText(Ui::formatMoney(totals.vatTotal, currency));
    m_grandTotal->setText(Ui::formatMoney(totals.payable, currency));
    QStringList lines;
    for (const VatBreakdown &b : totals.breakdown) {
        const QString taxable = Ui::formatMoney(b.taxableMinor, currency);
        const QString vat = Ui::formatMoney(b.vatMinor, currency);
        if (b.category == TaxCategory::Standard) {
            lines.append(tr("%1 on %2: %3").arg(Ui::formatPercent(b.rateBp), taxable, vat));
        } else {
            QString text = tr("%1 on %2: %3").arg(categoryName(b.category), taxable, vat);
            if (!b.exemptionReason.isEmpty() && b.exemptionReason != categoryName(b.category))
                text = tr("%1 (%2)").arg(text, b.exemptionReason);
            lines.append(text);
        }
    }
    m_breakdown->setText(lines.isEmpty() ? tr("No lines yet") : lines.join(u'\n'));

    const bool issuedInvoice = m_doc.kind == DocumentKind::Invoice && m_doc.isIssued();
    m_balance->setVisible(issuedInvoice);
    if (issuedInvoice) {
        QString text = tr("Paid %1").arg(Ui::formatMoney(m_doc.paidMinor, currency));
        if (m_doc.creditedMinor != 0)
            text
                += u" · "_s + tr("Credited %1").arg(Ui::formatMoney(m_doc.creditedMinor, currency));
        text += u"\n"_s + tr("Balance due %1").arg(Ui::formatMoney(m_doc.balanceMinor(), currency));
        m_balance->setText(text);
    }
}

QDate InvoiceEditor::defaultDueDate() const
{
    const QDate issue = m_issueDate->date();
    if (m_doc.kind == DocumentKind::Quote)
        return issue.addDays(30);
    int terms = m_company.paymentTermsDays;
    const QString customerId = m_customer->currentId();
    if (!customerId.isEmpty()) {
        if (auto c = m_ctx.ledger.customer(customerId); c && c->paymentTermsDays >= 0)
            terms = c->paymentTermsDays;
    }
    return issue.addDays(terms);
}

void InvoiceEditor::applyDefaultDueDate()
{
    if (m_dueEdited)
        return;
    m_settingDue = true;
    m_dueDate->setDate(defaultDueDate());
    m_settingDue = false;
}

void InvoiceEditor::customerPicked(const QString &customerId)
{
    if (m_loading || m_readOnly)
        return;
    if (auto c = m_ctx.ledger.customer(customerId)) {
        if (!m_currencyEdited && !c->currency.isEmpty()) {
            m_loading = true;
            EditorSupport::setCurrency(m_currency, c->currency);
            m_lines->setCurrency(c->currency);
            m_loading = false;
        }
    }
    if (m_errors->currentField() == u"customer"_s)
        m_errors->clear();
    applyDefaultDueDate();
    markDirty();
    updateTotals();
}

void InvoiceEditor::newCustomer()
{
    CustomerEditor editor(m_ctx, QString(), this);
    if (m_customer->currentId().isEmpty())
        editor.setInitialName(m_customer->text().trimmed());
    if (editor.exec() != QDialog::Accepted)
        return;
    const Customer c = editor.customer();
    m_customer->setCurrent(editor.customerId(), c.name);
    customerPicked(editor.customerId());
}

void InvoiceEditor::markDirty()
{
    if (m_loading || m_readOnly)
        return;
    m_dirty = true;
    setWindowModified(true);
}

Result<Document> InvoiceEditor::formDocument()
{
    Document d = m_doc;
    const QString typed = m_customer->text().trimmed();
    const QString customerId = m_customer->resolve();
    if (customerId.isEmpty() && !typed.isEmpty())
        return validationError(u"customer"_s, u"unknown-customer"_s,
                               tr("No customer is called '%1'.").arg(typed));
    d.customerId = customerId;
    d.issueDate = m_issueDate->date();
    d.dueDate = m_dueDate->date();
    d.currency = EditorSupport::currency(m_currency);
    d.buyerReference = m_buyerReference->text().trimmed();
    d.notes = m_notes->toPlainText();
    if (const auto inputError = m_lines->firstInputError())
        return *inputError;
    d.lines = m_lines->lines();
    return d;
}

void InvoiceEditor::showError(const Error &error)
{
    m_liveError = false;
    m_errors->show(error);
}

void InvoiceEditor::showInfo(const QString &text)
{
    m_info->setText(text);
    m_info->setVisible(!text.isEmpty());
}

void InvoiceEditor::emitChanged(const QString &entity, const QString &id)
{
    m_emitting = true;
    Q_EMIT m_ctx.events.changed(entity, id);
    m_emitting = false;
}

Status InvoiceEditor::confirm(const QString &objectName, const QString &title, const QString &text,
                              const QString &details, const QString &acceptText)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, this);
    box.setObjectName(objectName);
    box.setInformativeText(details);
    QPushButton *yes = box.addButton(acceptText, QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(yes);
    box.exec();
    if (box.clickedButton() != yes)
        return Error {ErrorKind::Usage, {}, u"cancelled"_s, tr("Cancelled.")};
    return {};
}

Status InvoiceEditor::saveDraft()
{
    if (m_readOnly)
        return Error {ErrorKind::Conflict, u"status"_s, u"immutable"_s,
                      tr("An issued document cannot be changed.")};
    auto form = formDocument();
    if (!form) {
        showError(form.error());
        return form.error();
    }
    const bool isNew = form->id.isEmpty();
    auto saved
        = isNew ? m_ctx.ledger.createDraft(form.value()) : m_ctx.ledger.updateDraft(form.value());
    if (!saved) {
        showError(saved.error());
        return saved.error();
    }
    const QString id = saved->id;
    emitChanged(documentKindName(saved->kind), id);
    load(id);
    showInfo(isNew ? tr("Saved as a new draft.") : tr("Saved."));
    return {};
}

Status InvoiceEditor::issue()
{
    if (m_readOnly || m_doc.kind == DocumentKind::Quote)
        return Error {ErrorKind::Usage, u"status"_s, u"not-issuable"_s,
                      tr("Only invoice and credit note drafts are issued.")};
    auto form = formDocument();
    if (!form) {
        showError(form.error());
        return form.error();
    }
    // Check what issuing checks before asking, so the question is never followed by a refusal
    // the user could have been told about first.
    Document check = form.value();
    const Ledger &ledger = m_ctx.ledger;
    const TaxRateLookup lookup = [&ledger](const QString &id) { return ledger.taxRate(id); };
    if (Status ok = validateIssuable(check, lookup); !ok) {
        showError(ok.error());
        return ok.error();
    }
    if (Status computed = computeTotals(check, lookup); !computed) {
        showError(computed.error());
        return computed.error();
    }
    auto number = m_ctx.ledger.previewNumber(m_doc.kind);
    if (!number) {
        showError(number.error());
        return number.error();
    }
    const bool creditNote = m_doc.kind == DocumentKind::CreditNote;
    KONTOR_TRY(confirm(
        u"issueConfirmation"_s, creditNote ? tr("Issue credit note") : tr("Issue invoice"),
        creditNote ? tr("Issue this credit note as number %1?").arg(number.value())
                   : tr("Issue this invoice as number %1?").arg(number.value()),
        tr("Customer: %1\nTotal: %2\n\nAn issued document cannot be changed or deleted; it is "
           "corrected with a credit note.")
            .arg(m_customer->text(), Ui::formatMoney(check.totals.payable, check.currency)),
        tr("&Issue")));

    // Saving the draft and issuing it are one step: if issuing fails, the draft is as it was.
    WriteTransaction tx(m_ctx.ledger.store());
    auto saved = form->id.isEmpty() ? m_ctx.ledger.createDraft(form.value())
                                    : m_ctx.ledger.updateDraft(form.value());
    if (!saved) {
        showError(saved.error());
        return saved.error();
    }
    auto issued = m_ctx.ledger.issue(saved->id);
    if (!issued) {
        showError(issued.error());
        return issued.error();
    }
    if (Status committed = tx.commit(); !committed) {
        showError(committed.error());
        return committed.error();
    }
    emitChanged(documentKindName(issued->kind), issued->id);
    load(issued->id);
    showInfo(tr("Issued as %1.").arg(issued->number));
    return {};
}

Status InvoiceEditor::recordPayment()
{
    if (m_doc.kind != DocumentKind::Invoice || !m_doc.isIssued())
        return Error {ErrorKind::Usage, u"invoice"_s, u"invoice-not-issued"_s,
                      tr("A draft cannot be paid; issue it first.")};
    PaymentDialog dialog(m_ctx, PaymentTarget::Invoice, m_doc.id, this);
    if (dialog.exec() != QDialog::Accepted)
        return Error {ErrorKind::Usage, {}, u"cancelled"_s, tr("Cancelled.")};
    load(m_doc.id);
    showInfo(tr("Payment of %1 recorded.")
                 .arg(Ui::formatMoney(dialog.payment().amountMinor, dialog.payment().currency)));
    return {};
}

Status InvoiceEditor::createCreditNote()
{
    if (m_doc.kind != DocumentKind::Invoice || !m_doc.isIssued())
        return Error {ErrorKind::Usage, u"invoice"_s, u"invalid-reference"_s,
                      tr("Credit notes are made for issued invoices.")};
    CreditNoteDialog dialog(m_ctx, m_doc.id, this);
    if (dialog.exec() != QDialog::Accepted)
        return Error {ErrorKind::Usage, {}, u"cancelled"_s, tr("Cancelled.")};
    const Document creditNote = dialog.creditNote();
    load(m_doc.id);
    showInfo(tr("Credit note %1 issued.").arg(creditNote.number));
    if (m_ctx.navigator)
        m_ctx.navigator->openDocument(creditNote.id);
    return {};
}

Status InvoiceEditor::duplicate()
{
    if (m_doc.id.isEmpty())
        return Error {ErrorKind::Usage, {}, u"not-saved"_s, tr("Save the document first.")};
    if (m_dirty && !m_readOnly)
        KONTOR_TRY(saveDraft());
    const QString from = m_doc.number.isEmpty() ? documentTitle() : m_doc.number;
    auto copy = m_ctx.ledger.duplicateAsDraft(m_doc.id);
    if (!copy) {
        showError(copy.error());
        return copy.error();
    }
    emitChanged(documentKindName(copy->kind), copy->id);
    m_currencyEdited = true;
    load(copy->id);
    showInfo(tr("This is a new draft, copied from %1.").arg(from));
    Q_EMIT documentChanged(copy->id);
    return {};
}

Status InvoiceEditor::convertToInvoice()
{
    if (m_doc.kind != DocumentKind::Quote)
        return Error {ErrorKind::Usage, u"kind"_s, u"not-a-quote"_s,
                      tr("Only quotes are converted to invoices.")};
    // The invoice is made from the stored quote: what is on screen is stored first.
    if (m_doc.id.isEmpty() || m_dirty)
        KONTOR_TRY(saveDraft());
    const QString quoteId = m_doc.id;
    auto invoice = m_ctx.ledger.convertQuote(quoteId);
    if (!invoice) {
        showError(invoice.error());
        return invoice.error();
    }
    emitChanged(u"quote"_s, quoteId);
    emitChanged(u"invoice"_s, invoice->id);
    load(invoice->id);
    showInfo(tr("The quote is now this invoice draft. Check the dates, then issue it."));
    Q_EMIT documentChanged(invoice->id);
    return {};
}

Status InvoiceEditor::deleteDraft()
{
    if (m_readOnly)
        return Error {ErrorKind::Conflict, u"status"_s, u"immutable"_s,
                      tr("An issued document cannot be deleted; correct it with a credit note.")};
    if (m_doc.id.isEmpty()) {
        m_dirty = false;
        QDialog::reject();
        return {};
    }
    KONTOR_TRY(confirm(u"deleteConfirmation"_s, tr("Delete"),
                       tr("Delete this %1?").arg(EditorSupport::kindName(m_doc.kind).toLower()),
                       tr("A deleted draft cannot be restored."), tr("&Delete")));
    if (Status deleted = m_ctx.ledger.deleteDraft(m_doc.id); !deleted) {
        showError(deleted.error());
        return deleted.error();
    }
    emitChanged(documentKindName(m_doc.kind), m_doc.id);
    m_dirty = false;
    QDialog::accept();
    return {};
}

void InvoiceEditor::showPdf()
{
    // The PDF is rendered from the ledger: unsaved edits are saved first.
    if (!m_readOnly && (m_dirty || m_doc.id.isEmpty()) && !saveDraft())
        return;
    PdfPreview preview(m_ctx, m_doc.id, this);
    preview.exec();
}

void InvoiceEditor::addLine()
{
    if (m_readOnly)
        return;
    const QModelIndex current = m_table->currentIndex();
    const int row = m_lines->addLine(current.isValid() ? current.row() + 1 : -1);
    const QModelIndex product = m_lines->index(row, DocumentLineModel::ProductColumn);
    m_table->setFocus();
    m_table->setCurrentIndex(product);
    m_table->edit(product);
}

void InvoiceEditor::removeCurrentLine()
{
    const QModelIndex current = m_table->currentIndex();
    if (m_readOnly || !current.isValid())
        return;
    const int row = current.row();
    m_lines->removeRows(row, 1);
    if (m_lines->rowCount() > 0)
        m_table->setCurrentIndex(
            m_lines->index(qMin(row, m_lines->rowCount() - 1), current.column()));
    updateActions();
}

void InvoiceEditor::moveCurrentLine(int delta)
{
    const QModelIndex current = m_table->currentIndex();
    if (m_readOnly || !current.isValid())
        return;
    const int to = current.row() + delta;
    if (m_lines->moveLine(current.row(), to))
        m_table->setCurrentIndex(m_lines->index(to, current.column()));
    updateActions();
}

void InvoiceEditor::openReference(const QString &link)
{
    if (link.startsWith(u"doc:"_s) && m_ctx.navigator)
        m_ctx.navigator->openDocument(link.mid(4));
}

void InvoiceEditor::reject()
{
    if (m_dirty && !m_readOnly) {
        QMessageBox box(QMessageBox::Question, tr("Unsaved changes"),
                        tr("Save the changes to this draft?"), QMessageBox::NoButton, this);
        box.setObjectName(u"unsavedChanges"_s);
        box.setStandardButtons(QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        box.setDefaultButton(QMessageBox::Save);
        const int answer = box.exec();
        if (answer == QMessageBox::Cancel)
            return;
        if (answer == QMessageBox::Save && !saveDraft())
            return;
    }
    QDialog::reject();
}

} // namespace Kontor
