#include "syncaccountpage.h"

#include "fielderrors.h"
#include "icons.h"
#include "ledger.h"
#include "syncsession.h"
#include "synctexts.h"

#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QSysInfo>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {

QString accessibleFromLabel(QString text)
{
    text.remove(u'&');
    if (text.endsWith(u':'))
        text.chop(1);
    return text.trimmed();
}

QLabel *valueLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

SyncAccountPage::SyncAccountPage(UiContext &ctx, QWidget *parent) : QWidget(parent), m_ctx(ctx)
{
    Q_ASSERT(ctx.syncSession);
    setObjectName(u"syncAccountPage"_s);
    // `box`, when given, is what the row shows: the field with something under it.
    const auto addRow
        = [this](QFormLayout *form, const char *label, QWidget *field, QWidget *box = nullptr) {
              auto *l = new QLabel(field->parentWidget());
              l->setBuddy(field);
              m_labels.append({l, label});
              form->addRow(l, box ? box : field);
          };

    // ---- signed out: the sign-in form ----
    m_signedOutPage = new QWidget;
    m_intro = new QLabel(m_signedOutPage);
    m_intro->setWordWrap(true);
    m_servers = new QPlainTextEdit(m_signedOutPage);
    m_servers->setObjectName(u"syncServers"_s);
    m_servers->setTabChangesFocus(true);
    m_servers->setFixedHeight(m_servers->fontMetrics().lineSpacing() * 4);
    // Room for a few addresses, no more: the form does not grow with the window.
    m_servers->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    // tools/run starts a local service and names it here; otherwise the field starts empty.
    m_servers->setPlainText(qEnvironmentVariable("KONTOR_SYNC_SERVER"));
    m_serversHint = new QLabel(m_signedOutPage);
    m_serversHint->setWordWrap(true);
    m_email = new QLineEdit(m_signedOutPage);
    m_email->setObjectName(u"syncEmail"_s);
    m_password = new QLineEdit(m_signedOutPage);
    m_password->setObjectName(u"syncPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_deviceName = new QLineEdit(m_signedOutPage);
    m_deviceName->setObjectName(u"syncDeviceName"_s);

    // The hint goes under the list, in the same column.
    auto *serversBox = new QWidget(m_signedOutPage);
    auto *serversLayout = new QVBoxLayout(serversBox);
    serversLayout->setContentsMargins(0, 0, 0, 0);
    serversLayout->addWidget(m_servers);
    serversLayout->addWidget(m_serversHint);
    auto *form = new QFormLayout;
    addRow(form, QT_TR_NOOP("Sync &servers:"), m_servers, serversBox);
    addRow(form, QT_TR_NOOP("&E-mail:"), m_email);
    addRow(form, QT_TR_NOOP("&Password:"), m_password);
    addRow(form, QT_TR_NOOP("&Device name:"), m_deviceName);

    m_signIn = new QPushButton(Ui::icon(u"sync"_s), QString(), m_signedOutPage);
    m_signIn->setObjectName(u"syncSignIn"_s);
    m_signIn->setDefault(true);
    m_signUp = new QPushButton(Ui::icon(u"add"_s), QString(), m_signedOutPage);
    m_signUp->setObjectName(u"syncSignUp"_s);
    m_error = new QLabel(m_signedOutPage);
    m_error->setObjectName(u"syncError"_s);
    m_progress = new QLabel(m_signedOutPage);
    m_progress->setObjectName(u"syncProgress"_s);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_signUp);
    buttons->addWidget(m_signIn);

    auto *outLayout = new QVBoxLayout(m_signedOutPage);
    outLayout->addWidget(m_intro);
    outLayout->addLayout(form);
    outLayout->addWidget(m_error);
    outLayout->addLayout(buttons);
    outLayout->addStretch();

    m_errors = new Ui::FieldErrors(m_signedOutPage);
    m_errors->setMessageLabel(m_error);

    connect(m_signIn, &QPushButton::clicked, this, &SyncAccountPage::signIn);
    connect(m_signUp, &QPushButton::clicked, this, &SyncAccountPage::signUp);
    connect(m_password, &QLineEdit::returnPressed, this, &SyncAccountPage::signIn);

    // ---- signed in: the account ----
    m_signedInPage = new QWidget;
    m_signedInIntro = new QLabel(m_signedInPage);
    m_signedInIntro->setWordWrap(true);
    m_accountValue = valueLabel(m_signedInPage, u"syncAccountEmail"_s);
    m_tenantValue = valueLabel(m_signedInPage, u"syncTenant"_s);
    m_deviceValue = valueLabel(m_signedInPage, u"syncDevice"_s);
    m_serversValue = valueLabel(m_signedInPage, u"syncServerList"_s);
    m_tokenValue = valueLabel(m_signedInPage, u"syncTokenLocation"_s);
    auto *accountForm = new QFormLayout;
    addRow(accountForm, QT_TR_NOOP("Account:"), m_accountValue);
    addRow(accountForm, QT_TR_NOOP("Tenant:"), m_tenantValue);
    addRow(accountForm, QT_TR_NOOP("This device:"), m_deviceValue);
    addRow(accountForm, QT_TR_NOOP("Servers:"), m_serversValue);
    addRow(accountForm, QT_TR_NOOP("Saved sign-in:"), m_tokenValue);
    m_signOut = new QPushButton(Ui::icon(u"quit"_s), QString(), m_signedInPage);
    m_signOut->setObjectName(u"syncSignOut"_s);
    auto *signOutRow = new QHBoxLayout;
    signOutRow->addStretch();
    signOutRow->addWidget(m_signOut);
    auto *inLayout = new QVBoxLayout(m_signedInPage);
    inLayout->addWidget(m_signedInIntro);
    inLayout->addLayout(accountForm);
    inLayout->addLayout(signOutRow);
    inLayout->addStretch();
    connect(m_signOut, &QPushButton::clicked, this, &SyncAccountPage::signOut);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_signedOutPage);
    m_stack->addWidget(m_signedInPage);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);

    connect(m_ctx.syncSession, &SyncSession::accountChanged, this, &SyncAccountPage::reload);

    retranslateUi();
    reload();
}

SyncAccountPage::~SyncAccountPage() = default;

void SyncAccountPage::retranslateUi()
{
    for (const auto &[label, text] : std::as_const(m_labels)) {
        label->setText(tr(text));
        if (QWidget *buddy = label->buddy())
            buddy->setAccessibleName(accessibleFromLabel(tr(text)));
    }
    m_intro->setText(
        tr("Sign in to a Kontor sync server to keep this ledger in step on several computers. "
           "Without an account the ledger stays on this computer only, and everything works "
           "as before."));
    m_servers->setPlaceholderText(tr("https://sync.example.com"));
    m_serversHint->setText(tr("Several addresses: separate them with commas or new lines."));
    m_servers->setToolTip(tr("The addresses of the sync servers; when one does not answer, "
                             "Kontor tries the next."));
    m_email->setPlaceholderText(tr("e.g. billing@example.com"));
    m_deviceName->setToolTip(tr("How this computer is listed among the account's devices"));
    m_signIn->setText(tr("Sign &in"));
    m_signIn->setToolTip(tr("Sign in to an existing account"));
    m_signUp->setText(tr("Create a&ccount"));
    m_signUp->setToolTip(
        tr("Create an account for this business on the server, then sign in to it"));
    m_signedInIntro->setText(
        tr("This ledger is kept in step with the other devices of the account below."));
    m_signOut->setText(tr("Sign &out"));
    m_signOut->setToolTip(tr("Stop syncing on this computer; the ledger keeps all its data"));
    m_errors->bind(u"servers"_s, m_servers, tr("Sync servers"));
    m_errors->bind(u"email"_s, m_email, tr("E-mail"));
    m_errors->bind(u"password"_s, m_password, tr("Password"));
    m_errors->bind(u"deviceName"_s, m_deviceName, tr("Device name"));
    if (m_stack->currentWidget() == m_signedInPage)
        reload();
}

void SyncAccountPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SyncAccountPage::reload()
{
    SyncSession &session = *m_ctx.syncSession;
    const SyncSession::Account account = session.account();
    if (session.isSignedIn()) {
        m_accountValue->setText(account.email);
        m_tenantValue->setText(account.tenantId);
        m_deviceValue->setText(account.deviceName.isEmpty()
                                   ? account.deviceId
                                   : tr("%1 (%2)").arg(account.deviceName, account.deviceId));
        m_serversValue->setText(account.servers.join(u'\n'));
        m_tokenValue->setText(
            tr("The sign-in token of this device is kept %1.").arg(session.tokenLocation()));
        m_stack->setCurrentWidget(m_signedInPage);
        return;
    }
    // What the ledger remembers from an earlier sign-in fills the form again.
    if (m_servers->toPlainText().trimmed().isEmpty())
        m_servers->setPlainText(account.servers.join(u'\n'));
    if (m_email->text().isEmpty())
        m_email->setText(account.email);
    if (m_deviceName->text().isEmpty())
        m_deviceName->setText(account.deviceName.isEmpty() ? QSysInfo::machineHostName()
                                                           : account.deviceName);
    m_stack->setCurrentWidget(m_signedOutPage);
}

void SyncAccountPage::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    for (QWidget *w : {static_cast<QWidget *>(m_servers), static_cast<QWidget *>(m_email),
                       static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_deviceName),
                       static_cast<QWidget *>(m_signIn), static_cast<QWidget *>(m_signUp)})
        w->setEnabled(!busy);
    m_progress->setText(text);
}

QString SyncAccountPage::messageText() const
{
    return m_errors->hasError() ? m_errors->currentText() : m_progress->text();
}

void SyncAccountPage::showError(const Error &error, bool fromServer)
{
    Error shown = error;
    if (fromServer) {
        // The server's words for its rules are English; say them in the user's language, at the
        // field the server named.
        if (error.rule == u"unauthorized"_s) {
            shown.field = u"password"_s;
            shown.message = tr("The e-mail address or the password is wrong.");
        } else {
            shown.message = Ui::SyncTexts::describeError(error);
        }
        shown.rule = u"sync:"_s + error.rule;
    }
    m_errors->show(shown);
}

bool SyncAccountPage::signIn()
{
    if (m_busy)
        return false;
    m_errors->clear();
    if (Status valid = SyncSession::validateAccountInput(m_servers->toPlainText(), m_email->text(),
                                                         m_password->text(), m_deviceName->text());
        !valid) {
        showError(valid.error(), false);
        return false;
    }
    setBusy(true, tr("Signing in…"));
    QPointer<SyncAccountPage> self(this);
    m_ctx.syncSession->signIn(m_servers->toPlainText(), m_email->text(), m_password->text(),
                              m_deviceName->text(), [self](Status status) {
                                  if (self)
                                      self->finishRequest(status);
                              });
    return true;
}

bool SyncAccountPage::signUp()
{
    if (m_busy)
        return false;
    m_errors->clear();
    if (Status valid = SyncSession::validateAccountInput(m_servers->toPlainText(), m_email->text(),
                                                         m_password->text(), m_deviceName->text());
        !valid) {
        showError(valid.error(), false);
        return false;
    }
    // The account is the business's: it takes the company's name.
    auto company = m_ctx.ledger.company();
    const QString business = company ? company->name : QString();
    setBusy(true, tr("Creating the account…"));
    QPointer<SyncAccountPage> self(this);
    m_ctx.syncSession->signUp(m_servers->toPlainText(), m_email->text(), m_password->text(),
                              m_deviceName->text(), business, [self](Status status) {
                                  if (self)
                                      self->finishRequest(status);
                              });
    return true;
}

void SyncAccountPage::finishRequest(const Status &status)
{
    setBusy(false);
    if (!status) {
        showError(status.error(), true);
        Q_EMIT requestFinished(false);
        return;
    }
    m_password->clear();
    m_errors->clear();
    reload();
    Q_EMIT requestFinished(true);
}

bool SyncAccountPage::signOut()
{
    const Status out = m_ctx.syncSession->signOut();
    reload();
    if (!out) {
        // Signed out for this run; the stored sign-in could not be removed, so say so.
        m_progress->setText(tr("The stored sign-in could not be removed: %1")
                                .arg(Ui::SyncTexts::describeError(out.error())));
        return false;
    }
    m_progress->setText(tr("Signed out. The ledger keeps all its data on this computer."));
    return true;
}

} // namespace Kontor
