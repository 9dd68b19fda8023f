#!/usr/bin/env python3
# Turns the JSON of kontor-bench-ledger into the Markdown tables of docs/benchmarks.md:
#   python3 bench/tables.py ledgerbench.json > tables.md
import json, sys
r = json.load(open(sys.argv[1]))
out = []
P = out.append
def f3(x): return f"{x:.3f}"
for s in r['results']:
    n = s['invoices']; b = s['build']
    P(f"### {n:,} invoices\n".replace(',', ' '))
    c = s['counts']
    P(f"Content: {c['invoices']} issued invoices, {c['lines']} lines, {c['customers']} customers, "
      f"{c['products']} products, {c['payments']} payments ({c['paid']} paid, {c['partially_paid']} "
      f"partially paid, {c['issued_unpaid']} unpaid; {c['overdue']} overdue); outbox {c['outbox']} "
      f"entries, audit chain {c['audit_chain']} entries.\n")
    P("| build (batch of %d operations per transaction) | value |" % b['batch'])
    P("|---|---|")
    P(f"| issued invoices created (`issueNew`) | {b['issued_per_s']} /s ({b['issued_s']} s, "
      f"process CPU {b['issued_cpu_s']} s, {b['issued_ms_per_invoice']} ms per invoice) |")
    if b.get('drafts'):
        P(f"| two-step sample ({b['drafts']} drafts, then issued) | drafts {b['drafts_per_s']} /s, "
          f"issues {b['issues_per_s']} /s ({b['drafts_and_issues_ms_per_invoice']} ms per invoice) |")
    P(f"| payments recorded | {b['payments_per_s']} /s ({b['payments']} in {b['payments_s']} s) |")
    P(f"| total build (setup, invoices, sample, payments) | {b['total_s']} s (process CPU {b['cpu_s']} s) |")
    po = s.get('per_operation_commit')
    if po:
        P(f"| one commit per operation ({po['sample']} each) | drafts {po['drafts_per_s']} /s ({po['draft_mean_ms']} ms), issues {po['issues_per_s']} /s ({po['issue_mean_ms']} ms), payments {po['payments_per_s']} /s ({po['payment_mean_ms']} ms) |")
    fi = s['file']
    P(f"| file size | {fi['bytes']} bytes ({fi['bytes_per_invoice']:.0f} bytes per invoice) |")
    P("")
    P("| query (ms) | median | p95 | first call | rows |")
    P("|---|---|---|---|---|")
    o = s['open_to_first_page']
    P(f"| open to first page (Store::open + Ledger + first page) | {f3(o['total']['median_ms'])} | {f3(o['total']['p95_ms'])} | {f3(o['total']['first_ms'])} | 50 |")
    P(f"| &nbsp;&nbsp;of which Store::open + Ledger | {f3(o['store_open_and_ledger']['median_ms'])} | {f3(o['store_open_and_ledger']['p95_ms'])} | | |")
    for k, v in s['pages'].items():
        P(f"| page 1, sorted by {k} | {f3(v['first']['median_ms'])} | {f3(v['first']['p95_ms'])} | {f3(v['first']['first_ms'])} | {v['first']['rows']} |")
        P(f"| page {v['deep']['page']} via cursor, sorted by {k} | {f3(v['deep']['median_ms'])} | {f3(v['deep']['p95_ms'])} | {f3(v['deep']['first_ms'])} | {v['deep']['rows']} |")
    for k, v in s['search'].items():
        P(f"| search `{v['term']}` ({k.replace('_', ' ')}) | {f3(v['median_ms'])} | {f3(v['p95_ms'])} | {f3(v['first_ms'])} | {v['rows']} |")
    v = s['overdue_first_page']
    P(f"| overdue filter, page 1 | {f3(v['median_ms'])} | {f3(v['p95_ms'])} | {f3(v['first_ms'])} | {v['rows']} |")
    for k in ['outstanding', 'outstanding_overdue']:
        v = s[k]
        val = ', '.join(f"{a} {b}" for a, b in v['value'].items())
        P(f"| outstandingTotals({'true' if k.endswith('overdue') else 'false'}) = {val} | {f3(v['median_ms'])} | {f3(v['p95_ms'])} | {f3(v['first_ms'])} | |")
    P("")
g = r.get('growth_10k_to_100k')
if g:
    P("### Growth from 10 000 to 100 000 invoices (ratio of medians)\n")
    P("| figure | factor |")
    P("|---|---|")
    for k, v in g.items():
        P(f"| {k} | {v} |")
    P("")
print('\n'.join(out))
