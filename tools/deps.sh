# Sourced by tools/run and tools/test: installs the Debian 12 packages Kontor needs, only those
# that are missing, with apt-get (as root, or through sudo).
KONTOR_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6opengl6-dev qt6-svg-dev qt6-charts-dev qt6-pdf-dev libqt6sql6-sqlite
    qt6-translations-l10n
    fonts-dejavu-core
    libpq-dev libqt6sql6-psql
    libssl-dev libsqlite3-dev
)
# Used by the test suite: the sqlite3 shell (tamper tests), pdftotext (PDF content checks), and
# clang with its libFuzzer runtime for the fuzz target of the sync request decoder.
# postgresql-15: initdb, pg_ctl, pg_basebackup and psql for the throwaway server the server tests
# run on (tests/server/pgfixture.sh, on a port of its own; a cluster Debian may create on 5432 is
# never used).
KONTOR_TEST_PACKAGES=(sqlite3 poppler-utils clang libclang-rt-dev postgresql-15)
# Only for the program as users run it: the sync token goes to the system keychain through
# QtKeychain (with a file only the user can read when no keychain answers). The test build does
# without it, and tests always keep tokens in files (KONTOR_CREDENTIALS=file).
KONTOR_RUN_PACKAGES=(qtkeychain-qt6-dev)
# Only for packaging/cloud/kontor-cloud, the three-zone cluster on loopback: etcd, Patroni managing
# PostgreSQL 15, HAProxy, and supervisord watching them all; nftables for its network partitions.
KONTOR_CLOUD_PACKAGES=(
    etcd-server etcd-client patroni postgresql-15 postgresql-client-15 haproxy supervisor
    curl util-linux nftables
)

kontor_install_packages() {
    local missing=()
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}" >&2
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
}
