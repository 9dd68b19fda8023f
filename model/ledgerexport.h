// Whole-ledger export to JSON and import into an empty ledger. The export carries every table's
// rows as they are (money as integers, receipts and logo as base64), so export → import → export
// gives the same bytes. Import checks everything before it commits (types, required fields,
// references, the invoicing rules, the totals and the audit chain) and writes nothing on error.
#pragma once

#include "result.h"

#include <QJsonObject>

namespace Kontor {

class Store;

inline constexpr auto LedgerExportFormat = "kontor-ledger";

Result<QJsonObject> exportLedger(Store &store);
Status importLedger(Store &emptyStore, const QJsonObject &data);

} // namespace Kontor
