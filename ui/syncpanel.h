// The Sync panel: what sync needs a person for. Two lists, each over the replica of the open
// ledger: the conflicts (a value that lost a merge to a later change from another device, with
// "Keep mine" to put it back as a new change and "Dismiss"), and the changes the server refused
// (with "Open as new draft" for a refused edit of a document and "Dismiss"). Above them the sync
// state, the account, the last error and "Sync now". A window of its own beside the main window,
// opened from View > Sync or by clicking the sync state in the status bar.
#pragma once

#include "uicontext.h"

#include <QDialog>
#include <QTimer>

class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QTableView;

namespace Kontor {

class ConflictListModel;
class RejectionListModel;
class SyncSession;

class SyncPanel : public QDialog
{
    Q_OBJECT
public:
    // `ctx.syncSession` must be set.
    explicit SyncPanel(UiContext &ctx, QWidget *parent = nullptr);
    ~SyncPanel() override;

    ConflictListModel *conflictModel() const { return m_conflicts; }
    RejectionListModel *rejectionModel() const { return m_rejections; }
    QTableView *conflictView() const { return m_conflictView; }
    QTableView *rejectionView() const { return m_rejectionView; }

    // The buttons' actions on the selected row. False, with the reason shown in the panel, when
    // nothing is selected or the ledger refused the change.
    bool keepMine();
    bool dismissConflict();
    bool openRejectionAsDraft();
    bool dismissRejection();
    // The message shown after the last action (an error, or what was done).
    QString message() const;

Q_SIGNALS:
    // "Sync account…": the window shows Settings > Sync account.
    void accountRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateState();
    void updateButtons();
    void showMessage(const QString &text, bool error);
    int selectedRow(QTableView *view) const;

    UiContext &m_ctx;
    SyncSession &m_session;

    QLabel *m_state = nullptr;
    QLabel *m_account = nullptr;
    QLabel *m_lastError = nullptr;
    QPushButton *m_syncNow = nullptr;
    QPushButton *m_accountButton = nullptr;

    QGroupBox *m_conflictGroup = nullptr;
    QLabel *m_conflictHint = nullptr;
    QTableView *m_conflictView = nullptr;
    ConflictListModel *m_conflicts = nullptr;
    QPushButton *m_keepMine = nullptr;
    QPushButton *m_dismissConflict = nullptr;

    QGroupBox *m_rejectionGroup = nullptr;
    QLabel *m_rejectionHint = nullptr;
    QTableView *m_rejectionView = nullptr;
    RejectionListModel *m_rejections = nullptr;
    QPushButton *m_openDraft = nullptr;
    QPushButton *m_dismissRejection = nullptr;

    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QTimer m_reload;
};

} // namespace Kontor
