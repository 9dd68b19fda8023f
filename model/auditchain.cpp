#include "auditchain.h"

#include "jsoncodec.h"
#include "ledger.h"
#include "store.h"

#include <openssl/evp.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {

const QString kMetaHead = u"audit_head"_s;

const char *const kRequiredTriggers[] = {
    "documents_issued_frozen", "documents_issued_undeletable",
    "lines_issued_frozen",     "lines_issued_undeletable",
    "lines_issued_no_insert",  "payments_frozen",
    "payments_undeletable",    "audit_frozen",
    "audit_undeletable",
};

// Names the fields that differ between the recorded payload and the current record.
QStringList differences(const QJsonObject &recorded, const QJsonObject &current,
                        const QString &prefix = {})
{
    QStringList out;
    QSet<QString> keys;
    for (auto it = recorded.begin(); it != recorded.end(); ++it)
        keys.insert(it.key());
    for (auto it = current.begin(); it != current.end(); ++it)
        keys.insert(it.key());
    QStringList sorted(keys.begin(), keys.end());
    sorted.sort();
    for (const QString &k : sorted) {
        const QJsonValue a = recorded.value(k);
        const QJsonValue b = current.value(k);
        if (a == b)
            continue;
        const QString name = prefix.isEmpty() ? k : prefix + u'.' + k;
        if (a.isObject() && b.isObject()) {
            out += differences(a.toObject(), b.toObject(), name);
        } else if (a.isArray() && b.isArray()) {
            const QJsonArray x = a.toArray(), y = b.toArray();
            if (x.size() != y.size()) {
                out += u"%1 (count %2 → %3)"_s.arg(name).arg(x.size()).arg(y.size());
                continue;
            }
            for (qsizetype i = 0; i < x.size(); ++i) {
                if (x.at(i) == y.at(i))
                    continue;
                const QString item = u"%1[%2]"_s.arg(name).arg(i);
                if (x.at(i).isObject() && y.at(i).isObject())
                    out += differences(x.at(i).toObject(), y.at(i).toObject(), item);
                else
                    out += item;
            }
        } else {
            auto show = [](const QJsonValue &v) {
                return v.isString()
                    ? v.toString()
                    : QString::fromUtf8(
                          QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact))
                          .mid(1)
                          .chopped(1);
            };
            out += u"%1 (recorded %2, now %3)"_s.arg(name, show(a), show(b));
        }
    }
    return out;
}

} // namespace

QString AuditChain::hashOf(const QString &prevHash, const QByteArray &payload)
{
    // OpenSSL's SHA-256 (hardware-accelerated where the processor has it): every issued
    // document's snapshot goes through here.
    const QByteArray prev = prevHash.toLatin1();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    const bool ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) == 1
        && EVP_DigestUpdate(ctx, prev.constData(), size_t(prev.size())) == 1
        && EVP_DigestUpdate(ctx, "\n", 1) == 1
        && EVP_DigestUpdate(ctx, payload.constData(), size_t(payload.size())) == 1
        && EVP_DigestFinal_ex(ctx, digest, &size) == 1;
    EVP_MD_CTX_free(ctx);
    Q_ASSERT_X(ok, "AuditChain::hashOf", "SHA-256 failed");
    if (!ok)
        return {}; // an empty hash never matches: verify() reports the entry
    return QString::fromLatin1(
        QByteArray::fromRawData(reinterpret_cast<const char *>(digest), int(size)).toHex());
}

Result<QString> AuditChain::head() const
{
    auto q = m_store.exec(u"SELECT hash FROM audit_chain ORDER BY seq DESC LIMIT 1"_s);
    if (!q)
        return q.error();
    QString h = (*q)->next() ? (*q)->value(0).toString() : GenesisHash;
    (*q)->finish();
    return h;
}

Status AuditChain::append(const QString &entity, const QString &entityId, const QString &action,
                          const QJsonObject &payload)
{
    return appendEncoded(entity, entityId, action, canonicalBytes(payload));
}

Status AuditChain::appendEncoded(const QString &entity, const QString &entityId,
                                 const QString &action, const QByteArray &bytes)
{
    return appendEncoded(QList<Item> {{entity, entityId, action, bytes}});
}

Status AuditChain::appendEncoded(const QList<Item> &items)
{
    Q_ASSERT(m_store.inTransaction());
    if (items.isEmpty())
        return {};
    auto prev = head();
    if (!prev)
        return prev.error();
    // Rows per INSERT (7 values each), and the statement texts for 1 to that many rows.
    constexpr qsizetype RowsPerInsert = 16;
    static const auto texts = [] {
        std::array<QString, RowsPerInsert + 1> t;
        for (qsizetype n = 1; n <= RowsPerInsert; ++n) {
            QString sql = u"INSERT INTO audit_chain(entity, entity_id, action, payload, prev_hash, "
                          "hash, hlc) VALUES "_s;
            for (qsizetype i = 0; i < n; ++i)
                sql += (i ? u", "_s : QString()) + u"(?, ?, ?, CAST(? AS TEXT), ?, ?, ?)"_s;
            t[n] = sql;
        }
        return t;
    }();
    QString last = prev.value();
    QVariantList binds;
    binds.reserve(std::min(items.size(), RowsPerInsert) * 7);
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Item &item = items.at(i);
        const QString hash = hashOf(last, item.canonicalPayload);
        // The payload goes in as its UTF-8 bytes, stored as text (CAST), without a round trip
        // through UTF-16.
        binds << item.entity << item.entityId << item.action << item.canonicalPayload << last
              << hash << m_store.tick().toString();
        last = hash;
        const qsizetype rows = binds.size() / 7;
        if (rows == RowsPerInsert || i + 1 == items.size()) {
            KONTOR_TRY(m_store.exec(texts[rows], binds));
            binds.clear();
        }
    }
    return m_store.setMeta(kMetaHead, last);
}

Result<AuditReport> AuditChain::verify(const Ledger &ledger) const
{
    AuditReport report;
    QString prev = GenesisHash;
    QSet<QString> chained;

    struct Entry
    {
        qint64 seq;
        QString entity, entityId, action, payload, prevHash, hash;
    };
    QList<Entry> entries;
    {
        auto q = m_store.exec(u"SELECT seq, entity, entity_id, action, payload, prev_hash, hash "
                              "FROM audit_chain ORDER BY seq"_s);
        if (!q)
            return q.error();
        while ((*q)->next())
            entries.append({(*q)->value(0).toLongLong(), (*q)->value(1).toString(),
                            (*q)->value(2).toString(), (*q)->value(3).toString(),
                            (*q)->value(4).toString(), (*q)->value(5).toString(),
                            (*q)->value(6).toString()});
        (*q)->finish();
    }

    QHash<QString, qint64> reissuedAt; // document id -> the last "reissue" entry that moved it
    for (const Entry &e : entries)
        if (e.action == u"reissue"_s)
            reissuedAt.insert(e.entityId, e.seq);

    for (const Entry &e : entries) {
        ++report.entries;
        const QByteArray payload = e.payload.toUtf8();
        const QJsonObject recorded = QJsonDocument::fromJson(payload).object();
        const QString label = recorded.value(u"number"_s).toString().isEmpty()
            ? e.entityId
            : recorded.value(u"number"_s).toString();
        if (e.prevHash != prev)
            report.problems.append({e.seq, e.entity, e.entityId, label,
                                    u"the chain is broken before this entry: its previous hash "
                                    "does not match the entry before it"_s});
        if (hashOf(e.prevHash, payload) != e.hash)
            report.problems.append({e.seq, e.entity, e.entityId, label,
                                    u"the entry was altered: its hash does not match its "
                                    "content"_s});
        prev = e.hash;
        chained.insert(e.action + u':' + e.entityId);

        // An issue another device had made first moved to a new id ("reissue"); the entry
        // before the move describes what now lives under that id, which has its own entry.
        if (e.action == u"issue"_s && reissuedAt.value(e.entityId) > e.seq)
            continue;
        if (e.action == u"issue"_s) {
            auto doc = ledger.document(e.entityId);
            if (!doc) {
                report.problems.append({e.seq, e.entity, e.entityId, label,
                                        u"the issued document is missing from the ledger"_s});
                continue;
            }
            const QStringList diff = differences(recorded, toJson(doc.value()));
            if (!diff.isEmpty())
                report.problems.append({e.seq, e.entity, e.entityId, label,
                                        u"edited after issue: "_s + diff.join(u", "_s)});
        } else if (e.action == u"payment"_s) {
            auto q = m_store.exec(u"SELECT id, target, coalesce(document_id, expense_id), date, "
                                  "amount, currency, method, reference, overpayment FROM payments "
                                  "WHERE id = ?"_s,
                                  {e.entityId});
            if (!q)
                return q.error();
            if (!(*q)->next()) {
                report.problems.append({e.seq, e.entity, e.entityId, label,
                                        u"the payment is missing from the ledger"_s});
                continue;
            }
            Payment p;
            p.id = (*q)->value(0).toString();
            p.target = (*q)->value(1).toString() == u"invoice"_s ? PaymentTarget::Invoice
                                                                 : PaymentTarget::Expense;
            p.targetId = (*q)->value(2).toString();
            p.date = dateFromText((*q)->value(3).toString());
            p.amountMinor = (*q)->value(4).toLongLong();
            p.currency = (*q)->value(5).toString();
            p.method = (*q)->value(6).toString();
            p.reference = (*q)->value(7).toString();
            p.overpayment = (*q)->value(8).toBool();
            (*q)->finish();
            const QStringList diff = differences(recorded, toJson(p));
            if (!diff.isEmpty())
                report.problems.append(
                    {e.seq, e.entity, e.entityId, label,
                     u"payment edited after it was recorded: "_s + diff.join(u", "_s)});
        }
    }
    report.head = prev;

    // The head is also kept in meta, so cutting entries off the end of the chain shows.
    auto storedHead = m_store.meta(kMetaHead);
    if (storedHead && storedHead.value() != prev)
        report.problems.append({0,
                                u"audit"_s,
                                {},
                                u"chain head"_s,
                                u"entries were removed from the end of the audit chain"_s});

    // Everything issued or paid must be in the chain.
    auto q = m_store.exec(u"SELECT id, kind, number FROM documents WHERE status <> 'draft' AND "
                          "kind <> 'quote'"_s);
    if (!q)
        return q.error();
    while ((*q)->next()) {
        const QString id = (*q)->value(0).toString();
        if (!chained.contains(u"issue:"_s + id))
            report.problems.append({0, (*q)->value(1).toString(), id, (*q)->value(2).toString(),
                                    u"issued document not recorded in the audit chain"_s});
    }
    (*q)->finish();
    q = m_store.exec(u"SELECT id FROM payments"_s);
    if (!q)
        return q.error();
    while ((*q)->next()) {
        const QString id = (*q)->value(0).toString();
        if (!chained.contains(u"payment:"_s + id))
            report.problems.append(
                {0, u"payment"_s, id, id, u"payment not recorded in the audit chain"_s});
    }
    (*q)->finish();

    // The triggers that keep issued records immutable must still be in place.
    q = m_store.exec(u"SELECT name FROM sqlite_master WHERE type = 'trigger'"_s);
    if (!q)
        return q.error();
    QSet<QString> triggers;
    while ((*q)->next())
        triggers.insert((*q)->value(0).toString());
    (*q)->finish();
    for (const char *t : kRequiredTriggers)
        if (!triggers.contains(QString::fromLatin1(t)))
            report.problems.append({0,
                                    u"schema"_s,
                                    {},
                                    QString::fromLatin1(t),
                                    u"the immutability trigger was removed"_s});
    return report;
}

} // namespace Kontor
