#include "credentialstore.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QStandardPaths>

#ifdef KONTOR_HAVE_QTKEYCHAIN
#include <QEventLoop>
#include <qt6keychain/keychain.h>
#endif

using namespace Qt::StringLiterals;

namespace Kontor::Sync {

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace {

[[maybe_unused]] const QString kService = u"Kontor"_s;

Error ioError(const QString &message)
{
    return Error {ErrorKind::Io, u"credentials"_s, u"credentials-unavailable"_s, message};
}

#ifdef KONTOR_HAVE_QTKEYCHAIN
// QtKeychain answers through a signal; the callers here want a value, and the job is short.
void runJob(QKeychain::Job &job)
{
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    loop.exec();
}
#endif

} // namespace

CredentialStore::CredentialStore(QString account, QString directory, Preference preference)
    : m_account(std::move(account)), m_directory(std::move(directory))
{
    if (m_directory.isEmpty())
        m_directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    // KONTOR_CREDENTIALS=file keeps a machine without a keychain service (CI, a server) from
    // waiting on one.
    const bool fileForced = preference == Preference::FileOnly
        || qEnvironmentVariable("KONTOR_CREDENTIALS") == u"file"_s;
    m_backend = keychainAvailable() && !fileForced ? Backend::Keychain : Backend::File;
}

bool CredentialStore::keychainAvailable()
{
#ifdef KONTOR_HAVE_QTKEYCHAIN
    return true;
#else
    return false;
#endif
}

QString CredentialStore::filePath() const
{
    // The account is a device id (UUID); anything else is reduced to safe characters.
    QString name;
    for (QChar c : m_account)
        name += (c.isLetterOrNumber() || c == u'-') ? c : u'_';
    return QDir(m_directory).filePath(u"kontor-sync-"_s + name + u".token"_s);
}

QString CredentialStore::location() const
{
    return m_backend == Backend::Keychain ? u"the system keychain"_s : filePath();
}

Status CredentialStore::save(const QString &token)
{
#ifdef KONTOR_HAVE_QTKEYCHAIN
    if (m_backend == Backend::Keychain) {
        if (Status s = saveKeychain(token); s) {
            QFile::remove(filePath()); // an older fallback copy must not outlive it
            return {};
        } else {
            qCWarning(lcSync) << "keychain unavailable, keeping the token in a file:"
                              << s.error().message;
            m_backend = Backend::File;
        }
    }
#endif
    return saveFile(token);
}

Result<QString> CredentialStore::load()
{
#ifdef KONTOR_HAVE_QTKEYCHAIN
    if (m_backend == Backend::Keychain) {
        auto token = loadKeychain();
        if (token.ok() && !token->isEmpty())
            return token;
        // A save that fell back to the file (keychain locked or absent then) is found here.
        auto file = loadFile();
        if (file.ok() && !file->isEmpty()) {
            m_backend = Backend::File;
            return file;
        }
        return token.ok() ? QString() : token;
    }
#endif
    return loadFile();
}

Status CredentialStore::remove()
{
    Status result;
#ifdef KONTOR_HAVE_QTKEYCHAIN
    if (m_backend == Backend::Keychain)
        result = removeKeychain();
#endif
    const QString path = filePath();
    if (QFile::exists(path) && !QFile::remove(path))
        return ioError(u"cannot remove '%1'"_s.arg(path));
    return result;
}

Status CredentialStore::saveFile(const QString &token)
{
    if (!QDir().mkpath(m_directory))
        return ioError(u"cannot create the folder '%1'"_s.arg(m_directory));
    const QString path = filePath();
    const QString temporary = path + u".new"_s;
    QFile::remove(temporary);
    // Created with owner-only permissions from the first byte, then moved over the old file, so
    // the token is never readable by others, not even briefly. (On Windows the per-user data
    // folder's ACL is what protects it; Qt maps these bits to the read-only flag only.)
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return ioError(u"cannot write '%1': %2"_s.arg(temporary, file.errorString()));
    const QByteArray bytes = token.toUtf8();
    const bool written = file.write(bytes) == bytes.size() && file.flush();
    file.close();
    if (!written) {
        QFile::remove(temporary);
        return ioError(u"cannot write '%1'"_s.arg(temporary));
    }
    QFile::remove(path);
    if (!QFile::rename(temporary, path)) {
        QFile::remove(temporary);
        return ioError(u"cannot write '%1'"_s.arg(path));
    }
    return {};
}

Result<QString> CredentialStore::loadFile() const
{
    QFile file(filePath());
    if (!file.exists())
        return QString();
    if (!file.open(QIODevice::ReadOnly))
        return ioError(u"cannot read '%1': %2"_s.arg(file.fileName(), file.errorString()));
    return QString::fromUtf8(file.readAll()).trimmed();
}

#ifdef KONTOR_HAVE_QTKEYCHAIN
Status CredentialStore::saveKeychain(const QString &token)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(m_account);
    job.setTextData(token);
    runJob(job);
    if (job.error() != QKeychain::NoError)
        return ioError(u"the keychain refused the token: %1"_s.arg(job.errorString()));
    return {};
}

Result<QString> CredentialStore::loadKeychain()
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(m_account);
    runJob(job);
    if (job.error() == QKeychain::EntryNotFound)
        return QString();
    if (job.error() != QKeychain::NoError)
        return ioError(u"cannot read the token from the keychain: %1"_s.arg(job.errorString()));
    return job.textData();
}

Status CredentialStore::removeKeychain()
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(m_account);
    runJob(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return ioError(u"cannot remove the token from the keychain: %1"_s.arg(job.errorString()));
    return {};
}
#endif

} // namespace Kontor::Sync
