#include "schema.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Kontor::Server {

int Schema::compatibleFrom(int version)
{
    // Base and the contract need themselves; the expand leaves Base's code running.
    return version == Expanded ? Base : version;
}

QString schemaPhase(int version)
{
    switch (version) {
    case 0:
        return u"empty"_s;
    case Schema::Base:
        return u"base"_s;
    case Schema::Expanded:
        return u"expanded"_s;
    case Schema::Contracted:
        return u"contracted"_s;
    default:
        return u"newer"_s;
    }
}

Error newerSchemaError(const SchemaStatus &s)
{
    return Error {ErrorKind::Usage, QString(), u"newer-schema"_s,
                  u"the database has schema version %1, which needs a kontor-syncd that knows "
                  "version %2 or later; this one knows up to %3"_s.arg(s.version)
                      .arg(s.compatibleFrom)
                      .arg(Schema::Latest)};
}

QStringList SchemaStatus::pending() const
{
    if (version >= Schema::Contracted) // a newer version's phases are for a newer release
        return {};
    if (version >= Schema::Expanded)
        return {u"contract"_s};
    return {u"expand"_s, u"contract"_s};
}

QJsonObject SchemaStatus::toJson() const
{
    return QJsonObject {{u"version"_s, version},
                        {u"phase"_s, phase},
                        {u"compatibleFrom"_s, compatibleFrom},
                        {u"latest"_s, Schema::Latest},
                        {u"usable"_s, usable()},
                        {u"pending"_s, QJsonArray::fromStringList(pending())}};
}

} // namespace Kontor::Server
