// A sync server in memory for the desktop's sync tests: it answers sign-up and sign-in (or
// refuses them with a scripted error), accepts every pushed change, hands out scripted changes
// "from another device" on the next pull, and answers asynchronously like the real client. A long
// poll is held until it is cancelled, as a real server holds it while nothing changes.
#pragma once

#include "synctransport.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace Kontor::Test {

using namespace Qt::StringLiterals;

class FakeSyncTransport : public QObject, public Sync::SyncTransport
{
public:
    // Scripted answers.
    std::optional<Error> signUpError;
    std::optional<Error> signInError;
    QString tenantId = u"tenant-1"_s;
    QString epoch = u"epoch-1"_s;
    // Delivered by the next pull, then forgotten.
    QList<Sync::Op> remote;

    // What the client sent.
    QList<Sync::Op> pushed;
    QStringList calls; // "signUp:<email>", "signIn:<email>:<deviceName>", "push:<n>", "pull"
    QString token;

    void setEndpoints(const QList<QUrl> &endpoints) override { m_endpoints = endpoints; }
    QList<QUrl> endpoints() const override { return m_endpoints; }
    void setToken(const QString &t) override { token = t; }

    RequestId createAccount(const QString &email, const QString &, const QString &,
                            Reply<QString> done) override
    {
        calls << u"signUp:"_s + email;
        const auto error = signUpError;
        const QString tenant = tenantId;
        return answer([done, error, tenant] {
            if (error)
                done(*error);
            else
                done(tenant);
        });
    }

    RequestId signIn(const QString &email, const QString &, const QString &deviceName,
                     const QString &deviceId, Reply<Sync::Session> done) override
    {
        calls << u"signIn:%1:%2"_s.arg(email, deviceName);
        const auto error = signInError;
        const Sync::Session session {u"token-of-"_s + deviceId, deviceId, tenantId, epoch};
        return answer([done, error, session] {
            if (error)
                done(*error);
            else
                done(session);
        });
    }

    RequestId push(const Sync::PushRequest &request, Reply<Sync::PushResponse> done) override
    {
        calls << u"push:%1"_s.arg(request.ops.size());
        Sync::PushResponse response;
        for (const Sync::Op &op : request.ops) {
            pushed << op;
            Sync::OpResult r;
            r.opId = op.opId;
            r.seq = ++m_seq;
            response.results << r;
        }
        response.head = {epoch, m_seq};
        return answer([done, response] { done(response); });
    }

    RequestId pull(const Sync::Cursor &, int, int waitMs, Reply<Sync::PullResponse> done) override
    {
        if (waitMs > 0 && remote.isEmpty())
            return hold(); // a long poll with nothing new: answered never, cancelled by the client
        calls << u"pull"_s;
        Sync::PullResponse response;
        for (Sync::Op op : std::as_const(remote)) {
            op.seq = ++m_seq;
            response.ops << op;
        }
        remote.clear();
        response.next = {epoch, m_seq};
        return answer([done, response] { done(response); });
    }

    RequestId snapshot(const QString &, int, Reply<Sync::SnapshotPage> done) override
    {
        Sync::SnapshotPage page;
        page.at = {epoch, m_seq};
        return answer([done, page] { done(page); });
    }

    RequestId takeLease(const QString &, bool, Reply<QJsonObject> done) override
    {
        return answer([done] { done(unsupported()); });
    }
    RequestId releaseLease(const QString &, Reply<QJsonObject> done) override
    {
        return answer([done] { done(unsupported()); });
    }
    RequestId devices(Reply<QJsonArray> done) override
    {
        return answer([done] { done(unsupported()); });
    }
    RequestId removeDevice(const QString &, Reply<QJsonObject> done) override
    {
        return answer([done] { done(unsupported()); });
    }

    void cancel(RequestId id) override { m_pending.remove(id); }

private:
    static Error unsupported()
    {
        return Error {ErrorKind::Usage, QString(), u"unsupported"_s, u"not in this fake"_s};
    }

    RequestId hold()
    {
        const RequestId id = ++m_nextId;
        m_pending.insert(id, {});
        return id;
    }

    RequestId answer(std::function<void()> reply)
    {
        const RequestId id = ++m_nextId;
        m_pending.insert(id, std::move(reply));
        QTimer::singleShot(0, this, [this, id] {
            auto it = m_pending.find(id);
            if (it == m_pending.end() || !it.value())
                return;
            auto reply = std::move(it.value());
            m_pending.erase(it);
            reply();
        });
        return id;
    }

    QList<QUrl> m_endpoints;
    QHash<RequestId, std::function<void()>> m_pending;
    RequestId m_nextId = 0;
    qint64 m_seq = 0;
};

} // namespace Kontor::Test
