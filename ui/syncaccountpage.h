// Settings > Sync account: signs the open ledger in to a Kontor sync server (or creates the
// account first), and, once signed in, shows the account, the tenant, this device and where its
// token is kept, with "Sign out". Input is checked before anything is sent (servers, e-mail,
// password, device name), and what the server refuses is shown at the field it names.
#pragma once

#include "result.h"
#include "uicontext.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace Kontor {

namespace Ui {
class FieldErrors;
}

class SyncAccountPage : public QWidget
{
    Q_OBJECT
public:
    // `ctx.syncSession` must be set.
    explicit SyncAccountPage(UiContext &ctx, QWidget *parent = nullptr);
    ~SyncAccountPage() override;

    // Start signing in (or creating the account and signing in) with what the form holds.
    // False when the input is refused before anything is sent (shown at its field); true when
    // the request went out: requestFinished tells how it ended.
    bool signIn();
    bool signUp();
    bool signOut();

    bool isBusy() const { return m_busy; }
    // The error or progress shown under the form.
    QString messageText() const;

Q_SIGNALS:
    void requestFinished(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void reload();
    void setBusy(bool busy, const QString &text = {});
    void showError(const Error &error, bool fromServer);
    void finishRequest(const Status &status);

    UiContext &m_ctx;
    QStackedWidget *m_stack = nullptr;
    bool m_busy = false;

    // Signed out
    QWidget *m_signedOutPage = nullptr;
    QLabel *m_intro = nullptr;
    QList<std::pair<QLabel *, const char *>> m_labels;
    QPlainTextEdit *m_servers = nullptr;
    QLabel *m_serversHint = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_deviceName = nullptr;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_signUp = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_progress = nullptr;
    Ui::FieldErrors *m_errors = nullptr;

    // Signed in
    QWidget *m_signedInPage = nullptr;
    QLabel *m_signedInIntro = nullptr;
    QLabel *m_accountValue = nullptr;
    QLabel *m_tenantValue = nullptr;
    QLabel *m_deviceValue = nullptr;
    QLabel *m_serversValue = nullptr;
    QLabel *m_tokenValue = nullptr;
    QPushButton *m_signOut = nullptr;
};

} // namespace Kontor
