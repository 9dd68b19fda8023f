#include "syncpanel.h"

#include "conflictlistmodel.h"
#include "icons.h"
#include "rejectionlistmodel.h"
#include "syncsession.h"
#include "syncstatus.h"
#include "synctexts.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {

QTableView *makeView(QWidget *parent, QAbstractItemModel *model, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTabKeyNavigation(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    return view;
}

bool isDocument(const QString &entity)
{
    return entity == u"invoice"_s || entity == u"quote"_s || entity == u"credit_note"_s;
}

} // namespace

SyncPanel::SyncPanel(UiContext &ctx, QWidget *parent)
    : QDialog(parent), m_ctx(ctx), m_session(*ctx.syncSession)
{
    setObjectName(u"syncPanel"_s);
    setWindowIcon(Ui::icon(u"sync"_s));
    // A window beside the main window, not in front of it: the user works on while it is open.
    setWindowModality(Qt::NonModal);

    m_state = new QLabel(this);
    m_state->setObjectName(u"syncState"_s);
    QFont bold = m_state->font();
    bold.setBold(true);
    m_state->setFont(bold);
    m_account = new QLabel(this);
    m_account->setObjectName(u"syncAccount"_s);
    m_account->setWordWrap(true);
    m_account->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lastError = new QLabel(this);
    m_lastError->setObjectName(u"syncLastError"_s);
    m_lastError->setWordWrap(true);
    m_lastError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_syncNow = new QPushButton(Ui::icon(u"sync"_s), QString(), this);
    m_syncNow->setObjectName(u"syncNow"_s);
    m_accountButton = new QPushButton(Ui::icon(u"settings"_s), QString(), this);
    m_accountButton->setObjectName(u"syncAccountButton"_s);

    auto *top = new QHBoxLayout;
    auto *texts = new QVBoxLayout;
    texts->addWidget(m_state);
    texts->addWidget(m_account);
    texts->addWidget(m_lastError);
    top->addLayout(texts, 1);
    top->addWidget(m_syncNow, 0, Qt::AlignTop);
    top->addWidget(m_accountButton, 0, Qt::AlignTop);

    // Conflicts
    m_conflictGroup = new QGroupBox(this);
    m_conflictGroup->setObjectName(u"conflicts"_s);
    m_conflicts = new ConflictListModel(m_session.replica(), this);
    m_conflictHint = new QLabel(m_conflictGroup);
    m_conflictHint->setWordWrap(true);
    m_conflictView = makeView(m_conflictGroup, m_conflicts, u"conflictView"_s);
    m_keepMine = new QPushButton(Ui::icon(u"restore"_s), QString(), m_conflictGroup);
    m_keepMine->setObjectName(u"keepMine"_s);
    m_dismissConflict = new QPushButton(Ui::icon(u"close"_s), QString(), m_conflictGroup);
    m_dismissConflict->setObjectName(u"dismissConflict"_s);
    auto *conflictButtons = new QHBoxLayout;
    conflictButtons->addStretch();
    conflictButtons->addWidget(m_keepMine);
    conflictButtons->addWidget(m_dismissConflict);
    auto *conflictLayout = new QVBoxLayout(m_conflictGroup);
    conflictLayout->addWidget(m_conflictHint);
    conflictLayout->addWidget(m_conflictView, 1);
    conflictLayout->addLayout(conflictButtons);

    // Refused changes
    m_rejectionGroup = new QGroupBox(this);
    m_rejectionGroup->setObjectName(u"rejections"_s);
    m_rejections = new RejectionListModel(m_session.replica(), this);
    m_rejectionHint = new QLabel(m_rejectionGroup);
    m_rejectionHint->setWordWrap(true);
    m_rejectionView = makeView(m_rejectionGroup, m_rejections, u"rejectionView"_s);
    m_openDraft = new QPushButton(Ui::icon(u"duplicate"_s), QString(), m_rejectionGroup);
    m_openDraft->setObjectName(u"openAsDraft"_s);
    m_dismissRejection = new QPushButton(Ui::icon(u"close"_s), QString(), m_rejectionGroup);
    m_dismissRejection->setObjectName(u"dismissRejection"_s);
    auto *rejectionButtons = new QHBoxLayout;
    rejectionButtons->addStretch();
    rejectionButtons->addWidget(m_openDraft);
    rejectionButtons->addWidget(m_dismissRejection);
    auto *rejectionLayout = new QVBoxLayout(m_rejectionGroup);
    rejectionLayout->addWidget(m_rejectionHint);
    rejectionLayout->addWidget(m_rejectionView, 1);
    rejectionLayout->addLayout(rejectionButtons);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"syncSplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_conflictGroup);
    splitter->addWidget(m_rejectionGroup);

    m_message = new QLabel(this);
    m_message->setObjectName(u"syncMessage"_s);
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_syncNow, &QPushButton::clicked, this, [this] {
        showMessage(QString(), false);
        m_session.syncNow();
    });
    connect(m_accountButton, &QPushButton::clicked, this, &SyncPanel::accountRequested);
    connect(m_keepMine, &QPushButton::clicked, this, &SyncPanel::keepMine);
    connect(m_dismissConflict, &QPushButton::clicked, this, &SyncPanel::dismissConflict);
    connect(m_openDraft, &QPushButton::clicked, this, &SyncPanel::openRejectionAsDraft);
    connect(m_rejectionView, &QAbstractItemView::doubleClicked, this,
            &SyncPanel::openRejectionAsDraft);
    connect(m_dismissRejection, &QPushButton::clicked, this, &SyncPanel::dismissRejection);
    for (QTableView *view : {m_conflictView, m_rejectionView})
        connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &SyncPanel::updateButtons);
    for (QTableView *view : {m_conflictView, m_rejectionView})
        connect(view->model(), &QAbstractItemModel::modelReset, this, [this, view] {
            // Columns as wide as what they hold; the last one takes the rest.
            view->resizeColumnsToContents();
            updateButtons();
        });

    connect(&m_session, &SyncSession::conflictsChanged, m_conflicts, &ConflictListModel::reload);
    connect(&m_session, &SyncSession::rejectionsChanged, m_rejections, &RejectionListModel::reload);
    connect(&m_session, &SyncSession::accountChanged, this, &SyncPanel::updateState);
    connect(&m_session, &SyncSession::syncFinished, this, &SyncPanel::updateState);
    connect(&m_ctx.sync, &SyncStatus::changed, this, &SyncPanel::updateState);
    // Labels of records follow renames made meanwhile; a burst of changes (a sync announces one
    // per kind of record) costs one reload.
    m_reload.setSingleShot(true);
    m_reload.setInterval(0);
    connect(&m_reload, &QTimer::timeout, this, [this] {
        m_conflicts->reload();
        m_rejections->reload();
    });
    connect(&m_ctx.events, &LedgerEvents::changed, &m_reload, qOverload<>(&QTimer::start));

    retranslateUi();
    resize(900, 620);
}

SyncPanel::~SyncPanel() = default;

void SyncPanel::retranslateUi()
{
    setWindowTitle(tr("Sync"));
    m_syncNow->setText(tr("Sync &now"));
    m_syncNow->setToolTip(tr("Send this computer's changes and fetch the other devices' now"));
    m_accountButton->setText(tr("Sync &account…"));
    m_accountButton->setToolTip(tr("Sign in, sign up or sign out in Settings"));
    m_conflictGroup->setTitle(tr("Conflicts"));
    m_conflictHint->setText(
        tr("When two devices change the same field, the later change is kept and the other value "
           "is listed here. \"Keep mine\" puts the lost value back as a new change, which is "
           "then sent to the other devices."));
    m_conflictView->setAccessibleName(tr("Conflicts"));
    m_keepMine->setText(tr("&Keep mine"));
    m_keepMine->setToolTip(tr("Restore the lost value of the selected conflict"));
    m_dismissConflict->setText(tr("&Dismiss"));
    m_dismissConflict->setToolTip(tr("Keep the value the books hold and remove the conflict from "
                                     "the list"));
    m_rejectionGroup->setTitle(tr("Refused changes"));
    m_rejectionHint->setText(
        tr("Changes the sync server refused, with its reason. A refused change of an issued "
           "document is kept as a new draft, so nothing typed is lost."));
    m_rejectionView->setAccessibleName(tr("Refused changes"));
    m_openDraft->setText(tr("&Open as new draft"));
    m_openDraft->setToolTip(tr("Open the refused change of a document as a draft in the editor"));
    m_dismissRejection->setText(tr("D&ismiss"));
    m_dismissRejection->setToolTip(tr("Remove the selected refused change from the list"));
    if (QPushButton *close = m_buttons->button(QDialogButtonBox::Close))
        close->setText(tr("&Close"));
    m_conflicts->reload();
    m_rejections->reload();
    updateState();
}

void SyncPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SyncPanel::updateState()
{
    m_state->setText(m_ctx.sync.summary());
    const bool signedIn = m_session.isSignedIn();
    if (signedIn) {
        const SyncSession::Account account = m_session.account();
        m_account->setText(
            tr("Signed in as %1 on %2.").arg(account.email, account.servers.join(u", "_s)));
    } else {
        m_account->setText(tr("This ledger is not signed in to a sync server: it is kept on this "
                              "computer only."));
    }
    const QString error = signedIn ? m_session.lastErrorText() : QString();
    m_lastError->setText(error.isEmpty() ? QString() : tr("Last error: %1").arg(error));
    m_lastError->setVisible(!error.isEmpty());
    m_syncNow->setEnabled(signedIn);
    updateButtons();
}

void SyncPanel::updateButtons()
{
    const int conflict = selectedRow(m_conflictView);
    m_keepMine->setEnabled(conflict >= 0);
    m_dismissConflict->setEnabled(conflict >= 0);
    const int rejection = selectedRow(m_rejectionView);
    m_openDraft->setEnabled(rejection >= 0 && isDocument(m_rejections->entry(rejection).entity));
    m_dismissRejection->setEnabled(rejection >= 0);
}

int SyncPanel::selectedRow(QTableView *view) const
{
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.constFirst().row();
}

void SyncPanel::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    // An error is announced as such to screen readers; the text says what went wrong.
    m_message->setAccessibleName(error ? tr("Error") : QString());
}

QString SyncPanel::message() const
{
    return m_message->text();
}

bool SyncPanel::keepMine()
{
    const int row = selectedRow(m_conflictView);
    if (row < 0) {
        showMessage(tr("Select a conflict first."), true);
        return false;
    }
    const ConflictEntry conflict = m_conflicts->entry(row);
    if (Status kept = m_session.keepMine(conflict); !kept) {
        showMessage(
            tr("The value cannot be restored: %1").arg(Ui::SyncTexts::describeError(kept.error())),
            true);
        return false;
    }
    showMessage(tr("%1 of %2 restored; the change will be sent with the next sync.")
                    .arg(Ui::SyncTexts::fieldName(conflict.field),
                         Ui::SyncTexts::recordLabel(m_session.ledger(), conflict.entity,
                                                    conflict.entityId)),
                false);
    return true;
}

bool SyncPanel::dismissConflict()
{
    const int row = selectedRow(m_conflictView);
    if (row < 0) {
        showMessage(tr("Select a conflict first."), true);
        return false;
    }
    if (Status dismissed = m_session.dismissConflict(m_conflicts->entry(row).id); !dismissed) {
        showMessage(Ui::SyncTexts::describeError(dismissed.error()), true);
        return false;
    }
    showMessage(QString(), false);
    return true;
}

bool SyncPanel::openRejectionAsDraft()
{
    const int row = selectedRow(m_rejectionView);
    if (row < 0) {
        showMessage(tr("Select a refused change first."), true);
        return false;
    }
    auto draft = m_session.openRejectionAsDraft(m_rejections->entry(row));
    if (!draft) {
        showMessage(tr("The change cannot be opened as a draft: %1")
                        .arg(Ui::SyncTexts::describeError(draft.error())),
                    true);
        return false;
    }
    showMessage(QString(), false);
    if (m_ctx.navigator)
        m_ctx.navigator->openDocument(draft.value());
    return true;
}

bool SyncPanel::dismissRejection()
{
    const int row = selectedRow(m_rejectionView);
    if (row < 0) {
        showMessage(tr("Select a refused change first."), true);
        return false;
    }
    if (Status dismissed = m_session.dismissRejection(m_rejections->entry(row).opId); !dismissed) {
        showMessage(Ui::SyncTexts::describeError(dismissed.error()), true);
        return false;
    }
    showMessage(QString(), false);
    return true;
}

} // namespace Kontor
