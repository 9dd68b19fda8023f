// Builds small real ledgers for the model tests: a temporary SQLite file with a company, tax
// rates, a customer and a product, and helpers to make invoices.
#pragma once

#include "ledger.h"
#include "money.h"
#include "store.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace Kontor::Test {

using namespace Qt::StringLiterals;

struct Fixture
{
    QTemporaryDir dir;
    QString path;
    std::unique_ptr<Store> store;
    std::unique_ptr<Ledger> ledger;
    QString standardRate; // 22 %
    QString reducedRate; // 10 %
    QString reverseCharge;
    QString customerId;
    QString productId;

    bool open(const QString &name = u"ledger.kontor"_s)
    {
        path = dir.filePath(name);
        auto s = Store::open(path, Store::OpenMode::CreateNew);
        if (!s) {
            qWarning() << s.error().toString();
            return false;
        }
        store = std::move(s.value());
        ledger = std::make_unique<Ledger>(*store);
        CompanyProfile c;
        c.name = u"Studio Rossi"_s;
        c.address = {u"Via Roma 1"_s, {}, u"00100"_s, u"Roma"_s, {}, u"IT"_s};
        c.vatId = u"IT12345678901"_s;
        c.currency = u"EUR"_s;
        c.iban = u"IT60X0542811101000000123456"_s;
        if (auto st = ledger->initialize(c, u"2026-L-"_s); !st) {
            qWarning() << st.error().toString();
            return false;
        }
        for (const TaxRate &r : ledger->taxRates().value()) {
            if (r.category == TaxCategory::Standard && r.rateBp == 2200)
                standardRate = r.id;
            if (r.category == TaxCategory::Standard && r.rateBp == 1000)
                reducedRate = r.id;
            if (r.category == TaxCategory::ReverseCharge)
                reverseCharge = r.id;
        }
        Customer cust;
        cust.name = u"Caffè Größe GmbH"_s;
        cust.email = u"buch@caffe.example"_s;
        cust.vatId = u"DE123456789"_s;
        cust.billingAddress = {u"Hauptstraße 5"_s, {}, u"10115"_s, u"Berlin"_s, {}, u"DE"_s};
        auto added = ledger->addCustomer(cust);
        if (!added)
            return false;
        customerId = added->id;
        Product p;
        p.name = u"Consulting"_s;
        p.unit = u"HUR"_s;
        p.unitPrice = 80'00 * PriceExtraScale;
        p.taxRateId = standardRate;
        auto prod = ledger->addProduct(p);
        if (!prod)
            return false;
        productId = prod->id;
        return true;
    }

    DocumentLine line(const QString &description, qint64 quantity, qint64 unitPriceMinor,
                      const QString &rate, int discountBp = 0) const
    {
        DocumentLine l;
        l.description = description;
        l.quantity = quantity;
        l.unitPrice = unitPriceMinor * PriceExtraScale;
        l.taxRateId = rate;
        l.discountBp = discountBp;
        return l;
    }

    Result<Document> draft(int lines = 2)
    {
        Document d;
        d.customerId = customerId;
        for (int i = 0; i < lines; ++i)
            d.lines.append(line(u"Work item %1"_s.arg(i + 1), QuantityScale * (i + 1), 100'00,
                                i % 2 ? reducedRate : standardRate));
        return ledger->createDraft(d);
    }

    Result<Document> issued(int lines = 2)
    {
        auto d = draft(lines);
        if (!d)
            return d;
        return ledger->issue(d->id);
    }

    qint64 count(const QString &table) const
    {
        QSqlQuery q(store->database());
        q.exec(u"SELECT count(*) FROM "_s + table);
        q.next();
        return q.value(0).toLongLong();
    }
};

} // namespace Kontor::Test
