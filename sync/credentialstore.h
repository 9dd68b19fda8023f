// Keeps a device's sync token. With QtKeychain (found at build time) the token goes to the
// system's keychain (Secret Service, macOS Keychain, Windows Credential Manager); without it, or
// when the keychain does not answer (a headless machine), to a file only the user may read,
// beside the ledger. backend() tells which one holds the token, so the UI can say so.
#pragma once

#include "result.h"

#include <QString>

namespace Kontor::Sync {

class CredentialStore
{
public:
    enum class Backend { Keychain, File };
    enum class Preference { Auto, FileOnly };

    // `account` names the token (the ledger's device id keeps two ledgers apart); `directory`
    // holds the fallback file (default: QStandardPaths::AppDataLocation).
    explicit CredentialStore(QString account, QString directory = {},
                             Preference preference = Preference::Auto);

    static bool keychainAvailable(); // built with QtKeychain
    Backend backend() const { return m_backend; }
    // "the system keychain" or the file's path, for the UI and `sync status`.
    QString location() const;
    QString filePath() const;

    Status save(const QString &token);
    // An empty string when nothing is stored.
    Result<QString> load();
    Status remove();

private:
    Status saveFile(const QString &token);
    Result<QString> loadFile() const;
#ifdef KONTOR_HAVE_QTKEYCHAIN
    Status saveKeychain(const QString &token);
    Result<QString> loadKeychain();
    Status removeKeychain();
#endif

    QString m_account;
    QString m_directory;
    Backend m_backend = Backend::File;
};

} // namespace Kontor::Sync
