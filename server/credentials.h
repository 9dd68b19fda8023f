// Password hashing and device tokens with OpenSSL: PBKDF2-HMAC-SHA256 with a random salt and a
// per-account iteration count (so the count can rise later without breaking old accounts),
// random tokens kept only as SHA-256 hashes, and constant-time comparison.
#pragma once

#include <QByteArray>
#include <QString>

namespace Kontor::Server {

inline constexpr int DefaultPasswordIterations = 600000; // OWASP's figure for PBKDF2-SHA256
inline constexpr int MinPasswordIterations = 200000;
inline constexpr int SaltBytes = 16;
inline constexpr int TokenBytes = 32;

QByteArray randomBytes(int count);
QByteArray hashPassword(const QString &password, const QByteArray &salt, int iterations);
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

// A new device token: 32 random bytes, base64url without padding.
QString newToken();
QByteArray tokenHash(const QString &token);
QString sha256Hex(const QByteArray &bytes);

} // namespace Kontor::Server
