// Test helper for tst_crashsafety: writes to a ledger in a loop (drafts of five lines, issues,
// payments, customer edits), printing a line after each commit, until it is killed.
#include "ledger.h"
#include "money.h"
#include "store.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Kontor;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: kontor-crash-writer LEDGER SEED\n");
        return 64;
    }
    auto store = Store::open(args.at(1));
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().toString()));
        return 74;
    }
    Ledger ledger(*store.value());
    QRandomGenerator rng(args.at(2).toUInt());
    const QString rate = ledger.taxRates().value().first().id;
    auto customer = ledger.customers({}).value().items.first();
    for (qint64 i = 0;; ++i) {
        Document d;
        d.customerId = customer.id;
        for (int l = 0; l < 5; ++l) {
            DocumentLine line;
            line.description = u"Line %1"_s.arg(l);
            line.quantity = QuantityScale * (1 + rng.bounded(9));
            line.unitPrice = (100 + rng.bounded(100000)) * PriceExtraScale;
            line.taxRateId = rate;
            d.lines.append(line);
        }
        auto draft = ledger.createDraft(d);
        if (!draft) {
            std::fprintf(stderr, "%s\n", qPrintable(draft.error().toString()));
            return 1;
        }
        auto issued = ledger.issue(draft->id);
        if (!issued) {
            std::fprintf(stderr, "%s\n", qPrintable(issued.error().toString()));
            return 1;
        }
        if (i % 3 == 0) {
            Payment p;
            p.targetId = issued->id;
            p.amountMinor = 1 + rng.bounded(int(std::min<qint64>(issued->totals.payable, 1 << 30)));
            if (!ledger.recordPayment(p))
                return 1;
        }
        if (i % 5 == 0) {
            customer.notes = u"edit %1"_s.arg(i);
            if (!ledger.updateCustomer(customer))
                return 1;
        }
        std::printf("committed %lld\n", static_cast<long long>(i));
        std::fflush(stdout);
    }
}
