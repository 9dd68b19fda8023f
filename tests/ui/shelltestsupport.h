// What the shell's widget tests share: settings kept in a temporary folder (so a test never reads
// or writes the user's), a real temporary ledger with its UiContext, and small helpers to seed
// invoices and to look at what a widget painted.
#pragma once

#include "ledger.h"
#include "localsyncfeed.h"
#include "store.h"
#include "syncstatus.h"
#include "uicontext.h"

#include <QApplication>
#include <QDialog>
#include <QImage>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <memory>
#include <optional>

namespace Kontor::Test {

using namespace Qt::StringLiterals;

// Call from initTestCase(): QSettings and QStandardPaths then point into `dir`.
inline void isolateSettings(const QTemporaryDir &dir)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"KontorTest"_s);
    QCoreApplication::setApplicationName(u"KontorShellTest"_s);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.filePath(u"settings"_s));
    QSettings().clear();
}

// Creates and initialises a ledger file at `path`; empty string on success, else the error.
inline QString createLedgerFile(const QString &path, const QString &company,
                                const QString &prefix = u"2026-A-"_s)
{
    auto store = Store::open(path, Store::OpenMode::CreateNew);
    if (!store)
        return store.error().toString();
    Ledger ledger(**store);
    CompanyProfile c;
    c.name = company;
    c.address.country = u"IT"_s;
    c.currency = u"EUR"_s;
    if (auto ok = ledger.initialize(c, prefix); !ok)
        return ok.error().toString();
    return {};
}

struct ShellLedger
{
    QTemporaryDir dir;
    QString path;
    std::unique_ptr<Store> store;
    std::unique_ptr<Ledger> ledger;
    LedgerEvents events;
    SyncStatus sync;
    std::unique_ptr<LocalSyncFeed> feed;
    std::optional<UiContext> ctx;

    bool open(const QString &fileName = u"books.kontor"_s)
    {
        path = dir.filePath(fileName);
        if (const QString error = createLedgerFile(path, u"Studio Rossi"_s); !error.isEmpty()) {
            qWarning() << error;
            return false;
        }
        auto s = Store::open(path);
        if (!s)
            return false;
        store = std::move(s.value());
        ledger = std::make_unique<Ledger>(*store);
        feed = std::make_unique<LocalSyncFeed>(*store, events, sync);
        ctx.emplace(UiContext {*ledger, events, sync, nullptr});
        return true;
    }

    QString rateId(int bp) const
    {
        for (const TaxRate &r : ledger->taxRates().value())
            if (r.rateBp == bp && r.category == TaxCategory::Standard)
                return r.id;
        return {};
    }

    Customer addCustomer(const QString &name)
    {
        Customer c;
        c.name = name;
        c.billingAddress.country = u"IT"_s;
        auto added = ledger->addCustomer(c);
        if (!added)
            qWarning() << added.error().toString();
        Q_EMIT events.changed(u"customer"_s, added ? added->id : QString());
        return added ? added.value() : Customer {};
    }

    // An issued invoice of one line: `quantity` units at `unitPriceMinor` at 22 %.
    Document issueInvoice(const Customer &customer, qint64 unitPriceMinor, int quantity = 1)
    {
        Document d;
        d.kind = DocumentKind::Invoice;
        d.customerId = customer.id;
        d.currency = u"EUR"_s;
        d.issueDate = QDate(2026, 3, 2);
        DocumentLine line;
        line.description = u"Consulting"_s;
        line.quantity = qint64(quantity) * 10'000;
        line.unitPrice = unitPriceMinor * 100;
        line.taxRateId = rateId(2200);
        d.lines = {line};
        auto draft = ledger->createDraft(d);
        if (!draft) {
            qWarning() << draft.error().toString();
            return {};
        }
        auto issued = ledger->issue(draft->id);
        if (!issued) {
            qWarning() << issued.error().toString();
            return {};
        }
        Q_EMIT events.changed(u"invoice"_s, issued->id);
        return issued.value();
    }
};

// Average lightness (0 … 255) of what a widget paints.
inline int meanLightness(QWidget *widget)
{
    const QImage image = widget->grab().toImage().convertToFormat(QImage::Format_RGB32);
    qint64 sum = 0;
    qint64 n = 0;
    for (int y = 0; y < image.height(); y += 2) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); x += 2) {
            sum += QColor(line[x]).lightness();
            ++n;
        }
    }
    return n ? int(sum / n) : 0;
}

inline QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe8, 0xe8, 0xe8);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xb0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x45, 0x45, 0x45));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}

// Widgets that carry a style sheet or a palette colour of their own that is not the
// application's: "hard-coded colours". Returns their object names (class name when unnamed).
inline QStringList widgetsWithOwnColours(QWidget *root, const QPalette &appPalette)
{
    QStringList out;
    QList<QWidget *> all = root->findChildren<QWidget *>();
    all.prepend(root);
    for (QWidget *w : std::as_const(all)) {
        const QString name = w->objectName().isEmpty()
            ? QString::fromLatin1(w->metaObject()->className())
            : w->objectName();
        if (!w->styleSheet().isEmpty()) {
            out << name + u" (style sheet)"_s;
            continue;
        }
        // Every role a widget paints its surface and text with must be the palette's own.
        for (auto role : {QPalette::Window, QPalette::WindowText, QPalette::Base, QPalette::Text,
                          QPalette::Button, QPalette::ButtonText}) {
            if (w->palette().color(QPalette::Active, role)
                != appPalette.color(QPalette::Active, role)) {
                out << name + u" (role %1)"_s.arg(int(role));
                break;
            }
        }
    }
    return out;
}

// Closes every dialog left open (editors opened by shortcuts), so the next step starts clean.
inline void closeDialogs()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *d = qobject_cast<QDialog *>(w); d && d->isVisible())
            d->reject();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

} // namespace Kontor::Test
