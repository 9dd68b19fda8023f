// Time-ordered UUIDs (RFC 9562 version 7) made on the device, so records can be created offline
// without a server round trip and sort by creation time in indexes.
#pragma once

#include <QString>

namespace Kontor {

// Returns a new UUIDv7 in canonical lower-case text form without braces. Monotonic within the
// process: two ids made in the same millisecond still sort in creation order.
QString newUuid7();
bool isValidUuid(QStringView text);

// A UUID (version 8, RFC 9562) derived from a record's id and a salt by SHA-256: every replica
// that derives it from the same pair gets the same id, with no coordination.
QString derivedUuid(QStringView base, QStringView salt);

} // namespace Kontor
