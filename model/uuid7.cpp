#include "uuid7.h"

#include <QCryptographicHash>

#include <QDateTime>
#include <QMutex>
#include <QRandomGenerator>
#include <QUuid>

namespace Kontor {

QString newUuid7()
{
    static QMutex mutex;
    static qint64 lastMs = 0;
    static quint16 counter = 0; // 12-bit rand_a used as a counter within one millisecond

    QMutexLocker lock(&mutex);
    qint64 ms = QDateTime::currentMSecsSinceEpoch();
    if (ms <= lastMs) {
        ms = lastMs;
        if (++counter > 0x0FFF) { // counter exhausted: borrow the next millisecond
            ++ms;
            counter = quint16(QRandomGenerator::system()->bounded(0x0400));
        }
    } else {
        counter = quint16(QRandomGenerator::system()->bounded(0x0400));
    }
    lastMs = ms;

    uchar b[16];
    for (int i = 0; i < 6; ++i)
        b[i] = uchar((quint64(ms) >> (8 * (5 - i))) & 0xFF);
    b[6] = uchar(0x70 | ((counter >> 8) & 0x0F));
    b[7] = uchar(counter & 0xFF);
    quint64 rnd = QRandomGenerator::system()->generate64();
    for (int i = 8; i < 16; ++i)
        b[i] = uchar((rnd >> (8 * (i - 8))) & 0xFF);
    b[8] = uchar(0x80 | (b[8] & 0x3F)); // RFC 9562 variant
    return QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(b), 16))
        .toString(QUuid::WithoutBraces);
}

bool isValidUuid(QStringView text)
{
    if (text.size() != 36)
        return false;
    return !QUuid::fromString(text).isNull();
}

QString derivedUuid(QStringView base, QStringView salt)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(base.toUtf8());
    hash.addData(QByteArrayView("/"));
    hash.addData(salt.toUtf8());
    const QByteArray h = hash.result().toHex();
    return QString::fromLatin1(h.mid(0, 8) + '-' + h.mid(8, 4) + "-8" + h.mid(13, 3) + "-a"
                               + h.mid(17, 3) + '-' + h.mid(20, 12));
}

} // namespace Kontor
