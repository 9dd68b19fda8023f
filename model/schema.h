// The ledger's schema, one migration per version. A migration moves a file from version n-1 to
// n inside one transaction; migrations only ever go forward.
#pragma once

#include "result.h"

namespace Kontor {

class Store;

// Applies migration `toVersion` (1-based) to an open store inside the caller's transaction.
Status applyMigration(Store &store, int toVersion);

// The key used for case-insensitive name search (case folded, outer spaces removed).
QString searchKey(const QString &name);

} // namespace Kontor
