// The versions of kontor-syncd's database schema, shared by both storages, and how a release
// moves a database between them without stopping the service (docs/sync-protocol.md,
// "Schema migrations"): every change comes as a pair, an *expand* that only adds (the previous
// release keeps working against it) and a *contract* that removes what only the previous
// release needed, run by the operator once no instance of it is left.
//
// A database records two numbers. `version` is the last migration applied. `compatibleFrom` is
// the oldest schema version a release must know to use the database; it is what the first
// release reads as "the schema version" (kontor_schema.version on PostgreSQL, PRAGMA
// user_version on SQLite), so an expand, which leaves it alone, does not stop an older
// instance from starting again (a crash mid-rollout, or a rollback), while a contract does.
#pragma once

#include <result.h>

#include <QJsonObject>
#include <QString>

#include <functional>

namespace Kontor::Server {

namespace Schema {

// The tables of the first release.
inline constexpr int Base = 1;
// Expand: tenants.audit_head_hash, the hash of the tenant's last audit entry, kept equal to
// tenants.audit_head (the same value under the name this release uses) by triggers, and
// backfilled; kontor_schema gains revision and phase.
inline constexpr int Expanded = 2;
// Contract: tenants.audit_head and the triggers are gone.
inline constexpr int Contracted = 3;
// The newest version this release knows.
inline constexpr int Latest = Contracted;

// What a release that knows up to `version` records as compatibleFrom when it reaches it: an
// expand keeps the previous version's, a contract needs itself.
int compatibleFrom(int version);

} // namespace Schema

// Where a database stands, for `kontor-syncd --migrate status` and for the checks at start.
struct SchemaStatus
{
    int version = 0; // 0: no tables yet
    int compatibleFrom = 0;
    // "empty", "base" (expand pending), "expanding" (an expand was cut off before it finished;
    // it is resumed), "expanded" (contract pending), "contracted", or "newer" (a version this
    // release does not know)
    QString phase;

    // This release may serve on it: not a version that needs a newer release.
    bool usable() const { return compatibleFrom <= Schema::Latest; }
    // The phases still to run, for the operator: none, contract, or expand and contract.
    QStringList pending() const;
    QJsonObject toJson() const;
};

// The phase of a database at `version` when it records none.
QString schemaPhase(int version);

// Rule "newer-schema": the database needs a release that knows a newer schema than this one.
Error newerSchemaError(const SchemaStatus &status);

struct MigrationProgress
{
    QString step; // "backfill" or "check" (the contract's last pass)
    qint64 rowsScanned = 0;
    qint64 rowsCopied = 0;
    int batches = 0;
};

struct MigrationOptions
{
    // Rows per backfill transaction: small, so no row stays locked for long and pushes of the
    // tenants concerned wait milliseconds.
    int batchSize = 500;
    // Called after every batch, outside any transaction (tests write from elsewhere here).
    std::function<void(const MigrationProgress &)> afterBatch;
};

} // namespace Kontor::Server
