// The Italian translation covers the desktop: every message of kontor_it.ts is finished and keeps
// its placeholders, and with the Italian translator installed no window (main window with every
// page, the editors in their states, the dialogs, settings and the first-run setup) shows a text
// that is still the English source of a message whose Italian text differs. A text that is in
// English but not in kontor_it.ts at all is not wrapped in tr(); it shows up here when it equals
// the English source of some other message, which is how most forgotten tr() calls look.
//
// Data is not translation: country names and currency codes come from QLocale; customer and
// product names, numbers, money, dates, and the names of the number series and tax rates the
// ledger was created with come from the ledger. Those sources are listed below (DataTexts) and
// skipped explicitly.
#include "creditnotedialog.h"
#include "customereditor.h"
#include "editortestsupport.h"
#include "expenseeditor.h"
#include "fakesynctransport.h"
#include "invoiceeditor.h"
#include "mainwindow.h"
#include "paymentdialog.h"
#include "pdfpreview.h"
#include "producteditor.h"
#include "settingspage.h"
#include "setupwizard.h"
#include "shelltestsupport.h"
#include "syncpanel.h"
#include "syncsession.h"
#include "syncstatus.h"
#include "translations.h"

#include <QAbstractAxis>
#include <QAbstractBarSeries>
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSeries>
#include <QAbstractSpinBox>
#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSet>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTextEdit>
#include <QToolBar>
#include <QToolBox>
#include <QWizard>
#include <QXmlStreamReader>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Kontor;
using namespace Kontor::EditorTest;

namespace {

// ---- the translation file ----------------------------------------------------------------------

struct TsMessage
{
    QString context;
    QString source;
    QStringList translations; // one, or the plural forms
    bool unfinished = false;
    bool obsolete = false;
    bool numerus = false;
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> out;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name"_s) {
            context = xml.readElementText();
        } else if (name == u"message"_s) {
            message = TsMessage {};
            message.context = context;
            message.numerus = xml.attributes().value(u"numerus"_s) == u"yes"_s;
        } else if (name == u"source"_s) {
            message.source = xml.readElementText();
        } else if (name == u"translation"_s) {
            const auto type = xml.attributes().value(u"type"_s);
            message.unfinished = type == u"unfinished"_s;
            message.obsolete = type == u"vanished"_s || type == u"obsolete"_s;
            if (message.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == u"numerusform"_s)
                        message.translations << xml.readElementText();
                    else
                        xml.skipCurrentElement();
                }
            } else {
                message.translations << xml.readElementText();
            }
            if (message.translations.join(QString()).isEmpty() && !message.source.isEmpty())
                message.unfinished = true;
            out << message;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression re(u"%L?(\\d{1,2}|n)"_s);
    return re;
}

QStringList placeholders(const QString &text)
{
    QStringList out;
    for (auto it = placeholderPattern().globalMatch(text); it.hasNext();)
        out << it.next().captured(1);
    out.sort();
    return out;
}

// Mnemonics and a trailing ellipsis go: tool buttons, tooltips made from an action's text and
// accessible names show the text without them.
QString normalized(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&') {
            if (i + 1 < text.size() && text.at(i + 1) == u'&') {
                out += u'&';
                ++i;
            }
            continue;
        }
        out += text.at(i);
    }
    out = out.trimmed();
    if (out.endsWith(u"..."_s))
        out.chop(3);
    else if (out.endsWith(u'…'))
        out.chop(1);
    return out.trimmed();
}

int letters(const QString &text)
{
    return int(std::count_if(text.cbegin(), text.cend(), [](QChar c) { return c.isLetter(); }));
}

// A message with arguments matches every text made from it: "Customer %1" matches
// "Customer Studio Rossi". Only patterns with a few letters of their own count, or "%1 (%2)"
// would match everything.
struct Pattern
{
    QRegularExpression re;
    QString source;
};

std::optional<Pattern> patternFor(const QString &text)
{
    if (placeholders(text).isEmpty())
        return std::nullopt;
    QString literal = text;
    literal.remove(placeholderPattern());
    if (letters(literal) < 4)
        return std::nullopt;
    QString re = u"^"_s;
    qsizetype last = 0;
    for (auto it = placeholderPattern().globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        re += QRegularExpression::escape(text.mid(last, m.capturedStart() - last)) + u".*?"_s;
        last = m.capturedEnd();
    }
    re += QRegularExpression::escape(text.mid(last)) + u"$"_s;
    Pattern p {QRegularExpression(re, QRegularExpression::DotMatchesEverythingOption), text};
    p.re.optimize();
    return p;
}

// What the Italian texts are and what the English ones are that must not be seen.
struct Vocabulary
{
    QSet<QString> italian; // translations, as written and normalized
    QList<Pattern> italianPatterns;
    // English text (as written and normalized, or a message with arguments) -> context ->
    // the Italian text, to say in a failure what was expected.
    QHash<QString, QHash<QString, QString>> english;
    QList<Pattern> englishPatterns;

    void add(const TsMessage &m, const QStringList &englishForms)
    {
        for (const QString &t : m.translations) {
            italian << t << normalized(t) << normalized(t).toLower();
            if (auto p = patternFor(t))
                italianPatterns << *p;
        }
        // The English texts a user could see: the source, and for plurals the English forms.
        QStringList sources {m.source};
        sources << englishForms;
        for (const QString &s : std::as_const(sources)) {
            const bool differs
                = std::any_of(m.translations.cbegin(), m.translations.cend(),
                              [&s](const QString &t) { return normalized(t) != normalized(s); });
            if (!differs || s.isEmpty())
                continue;
            const QString italianText = m.translations.value(0);
            english[s].insert(m.context, italianText);
            english[normalized(s)].insert(m.context, normalized(italianText));
            // A key shown as it is ("bank transfer" for "Bank transfer") is English too.
            english[normalized(s).toLower()].insert(m.context, normalized(italianText));
            if (auto p = patternFor(s); p && !english.contains(u"\x1f"_s + s)) {
                englishPatterns << *p;
                english[u"\x1f"_s + s].insert(m.context, italianText);
            }
        }
    }

    bool isItalian(const QString &text) const
    {
        if (italian.contains(text) || italian.contains(normalized(text))
            || italian.contains(normalized(text).toLower()))
            return true;
        return std::any_of(italianPatterns.cbegin(), italianPatterns.cend(),
                           [&text](const Pattern &p) { return p.re.match(text).hasMatch(); });
    }

    // When `text` is an English text of kontor_it.ts, the Italian expected instead (from the
    // context of the class that shows it where there are several); otherwise empty.
    QString expectedFor(const QString &text, const QString &where) const
    {
        const auto pick = [&where](const QHash<QString, QString> &byContext) {
            for (auto it = byContext.cbegin(); it != byContext.cend(); ++it)
                if (where.contains(it.key() + u'#') || where.contains(it.key() + u'/'))
                    return it.value();
            return byContext.cbegin().value();
        };
        if (english.contains(text))
            return pick(english.value(text));
        if (english.contains(normalized(text)))
            return pick(english.value(normalized(text)));
        if (english.contains(normalized(text).toLower()))
            return pick(english.value(normalized(text).toLower()));
        for (const Pattern &p : englishPatterns)
            if (p.re.match(text).hasMatch())
                return pick(english.value(u"\x1f"_s + p.source)) + u"\" from \""_s + p.source;
        return {};
    }
};

// ---- collecting what a window shows ------------------------------------------------------------

struct Seen
{
    QString where;
    QString text;
};

QString nameOf(const QObject *o)
{
    const QString cls = QString::fromLatin1(o->metaObject()->className());
    return o->objectName().isEmpty() ? cls : cls + u'#' + o->objectName();
}

// "InvoiceEditor#invoiceEditor/QGroupBox#totals/QLabel": the named ancestors and the object.
QString pathOf(const QObject *o)
{
    QStringList parts {nameOf(o)};
    for (const QObject *p = o->parent(); p; p = p->parent()) {
        if (!p->objectName().isEmpty() && !p->objectName().startsWith(u"qt_"_s))
            parts.prepend(nameOf(p));
        if (p->isWidgetType() && static_cast<const QWidget *>(p)->isWindow()) {
            if (p->objectName().isEmpty())
                parts.prepend(nameOf(p));
            break;
        }
    }
    return parts.join(u'/');
}

bool insideComboBox(const QObject *o)
{
    for (const QObject *p = o->parent(); p; p = p->parent())
        if (qobject_cast<const QComboBox *>(p))
            return true;
    return false;
}

class Collector
{
public:
    QList<Seen> seen;

    void add(const QObject *o, const QString &what, const QString &text)
    {
        if (letters(text) == 0)
            return;
        seen.append({pathOf(o) + u" ["_s + what + u']', text});
    }

    void addModel(const QObject *owner, const QAbstractItemModel *model, const QString &what)
    {
        if (!model)
            return;
        const auto str = [](const QVariant &v) {
            return v.metaType().id() == QMetaType::QString ? v.toString() : QString();
        };
        for (int c = 0; c < model->columnCount(); ++c) {
            add(owner, what + u" header %1"_s.arg(c), str(model->headerData(c, Qt::Horizontal)));
            add(owner, what + u" header tooltip %1"_s.arg(c),
                str(model->headerData(c, Qt::Horizontal, Qt::ToolTipRole)));
        }
        for (int r = 0; r < std::min(model->rowCount(), 40); ++r) {
            add(owner, what + u" row header %1"_s.arg(r), str(model->headerData(r, Qt::Vertical)));
            for (int c = 0; c < model->columnCount(); ++c) {
                const QModelIndex index = model->index(r, c);
                for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole),
                                 int(Qt::AccessibleTextRole), int(Qt::StatusTipRole)})
                    add(owner, what + u" cell %1,%2"_s.arg(r).arg(c), str(index.data(role)));
            }
        }
    }

    void addAction(const QObject *owner, QAction *action)
    {
        if (action->isSeparator())
            return;
        const QString where = u"action "_s
            + (action->objectName().isEmpty() ? normalized(action->text()) : action->objectName());
        add(owner, where + u" text"_s, action->text());
        add(owner, where + u" icon text"_s, action->iconText());
        add(owner, where + u" tooltip"_s, action->toolTip());
        add(owner, where + u" status tip"_s, action->statusTip());
        add(owner, where + u" what's this"_s, action->whatsThis());
        if (QMenu *menu = action->menu())
            addMenu(menu);
    }

    void addMenu(QMenu *menu)
    {
        add(menu, u"menu title"_s, menu->title());
        for (QAction *a : menu->actions())
            addAction(menu, a);
    }

    void addChart(const QChartView *view)
    {
        const QChart *chart = view->chart();
        if (!chart)
            return;
        add(view, u"chart title"_s, chart->title());
        for (QAbstractAxis *axis : chart->axes()) {
            add(view, u"axis title"_s, axis->titleText());
            if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis))
                for (const QString &c : categories->categories())
                    add(view, u"axis category"_s, c);
        }
        for (QAbstractSeries *series : chart->series()) {
            add(view, u"series name"_s, series->name());
            if (auto *bars = qobject_cast<QAbstractBarSeries *>(series))
                for (QBarSet *set : bars->barSets())
                    add(view, u"bar set label"_s, set->label());
        }
    }

    void addWidgetTree(QWidget *root)
    {
        QList<QWidget *> widgets = root->findChildren<QWidget *>();
        widgets.prepend(root);
        for (QWidget *w : std::as_const(widgets))
            addWidget(w);
        for (QAction *a : root->findChildren<QAction *>())
            addAction(a->parent() ? a->parent() : root, a);
    }

private:
    void addWidget(QWidget *w)
    {
        // Qt's own pieces of a combo box (its popup list) are read through the combo itself.
        if (insideComboBox(w) && !qobject_cast<QLineEdit *>(w))
            return;
        // QWizard makes all its buttons and shows those the page and the options ask for (no
        // Help without HaveHelpButton, Commit only on a commit page); their texts are read
        // through the wizard below, a hidden one is not looked at here.
        if (qobject_cast<QAbstractButton *>(w) && w->isHidden()
            && (w->objectName().startsWith(u"qt_wizard_"_s)
                || w->objectName().startsWith(u"__qt__passive_wizardbutton"_s)))
            return;
        if (w->isWindow())
            add(w, u"window title"_s, w->windowTitle());
        add(w, u"tooltip"_s, w->toolTip());
        add(w, u"status tip"_s, w->statusTip());
        add(w, u"what's this"_s, w->whatsThis());
        add(w, u"accessible name"_s, w->accessibleName());
        add(w, u"accessible description"_s, w->accessibleDescription());
        for (QAction *a : w->actions())
            addAction(w, a);

        if (auto *label = qobject_cast<QLabel *>(w))
            add(w, u"text"_s, label->text());
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(w, u"text"_s, button->text());
        if (auto *box = qobject_cast<QGroupBox *>(w))
            add(w, u"title"_s, box->title());
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            add(w, u"placeholder"_s, edit->placeholderText());
        if (auto *edit = qobject_cast<QTextEdit *>(w))
            add(w, u"placeholder"_s, edit->placeholderText());
        if (auto *edit = qobject_cast<QPlainTextEdit *>(w))
            add(w, u"placeholder"_s, edit->placeholderText());
        if (auto *spin = qobject_cast<QAbstractSpinBox *>(w)) {
            add(w, u"special value"_s, spin->specialValueText());
            add(w, u"shown text"_s, spin->text());
        }
        if (auto *combo = qobject_cast<QComboBox *>(w)) {
            add(w, u"placeholder"_s, combo->placeholderText());
            for (int i = 0; i < combo->count(); ++i) {
                add(w, u"item %1"_s.arg(i), combo->itemText(i));
                add(w, u"item tooltip %1"_s.arg(i), combo->itemData(i, Qt::ToolTipRole).toString());
            }
        }
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                add(w, u"tab %1"_s.arg(i), tabs->tabText(i));
                add(w, u"tab tooltip %1"_s.arg(i), tabs->tabToolTip(i));
            }
        }
        if (auto *bar = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < bar->count(); ++i) {
                add(w, u"tab %1"_s.arg(i), bar->tabText(i));
                add(w, u"tab tooltip %1"_s.arg(i), bar->tabToolTip(i));
            }
        }
        if (auto *toolBox = qobject_cast<QToolBox *>(w))
            for (int i = 0; i < toolBox->count(); ++i)
                add(w, u"item %1"_s.arg(i), toolBox->itemText(i));
        if (auto *view = qobject_cast<QAbstractItemView *>(w))
            if (!qobject_cast<QHeaderView *>(w))
                addModel(w, view->model(), u"view"_s);
        if (auto *menuBar = qobject_cast<QMenuBar *>(w))
            for (QAction *a : menuBar->actions())
                addAction(w, a);
        if (auto *menu = qobject_cast<QMenu *>(w))
            addMenu(menu);
        if (auto *toolBar = qobject_cast<QToolBar *>(w))
            add(w, u"title"_s, toolBar->windowTitle());
        if (auto *status = qobject_cast<QStatusBar *>(w))
            add(w, u"message"_s, status->currentMessage());
        if (auto *chart = qobject_cast<QChartView *>(w))
            addChart(chart);
        if (auto *wizard = qobject_cast<QWizard *>(w)) {
            for (int id : wizard->pageIds()) {
                add(wizard->page(id), u"page title"_s, wizard->page(id)->title());
                add(wizard->page(id), u"page subtitle"_s, wizard->page(id)->subTitle());
            }
            bool commitPage = false;
            for (int id : wizard->pageIds())
                commitPage = commitPage || wizard->page(id)->isCommitPage();
            for (auto which : {QWizard::BackButton, QWizard::NextButton, QWizard::CommitButton,
                               QWizard::FinishButton, QWizard::CancelButton}) {
                // The Commit button shows only on a commit page.
                if (which != QWizard::CommitButton || commitPage)
                    add(w, u"button %1"_s.arg(int(which)), wizard->buttonText(which));
            }
        }
    }
};

// ---- data that is shown as it is ---------------------------------------------------------------

// Texts that come from data, not from the program: names of countries and currency codes
// (QLocale), names of languages in their own language, and what the ledger holds (company name,
// number series, tax rates).
class DataTexts
{
public:
    DataTexts()
    {
        for (int t = 1; t <= int(QLocale::LastTerritory); ++t) {
            const auto territory = QLocale::Territory(t);
            const QString name = QLocale::territoryToString(territory);
            m_texts << name << u"%1 (%2)"_s.arg(name, QLocale::territoryToCode(territory));
        }
        // ISO 4217 codes, as the currency pickers list them ("ALL" is the Albanian lek).
        const auto locales = QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript,
                                                      QLocale::AnyTerritory);
        for (const QLocale &locale : locales)
            m_texts << locale.currencySymbol(QLocale::CurrencyIsoCode);
        for (const Ui::Language &l : Ui::availableLanguages())
            if (!l.code.isEmpty())
                m_texts << l.name;
    }

    void addLedger(const Ledger &ledger)
    {
        if (auto company = ledger.company())
            m_texts << company->name;
        if (auto series = ledger.seriesList())
            for (const NumberSeries &s : *series)
                m_texts << s.name;
        if (auto rates = ledger.taxRates(true))
            for (const TaxRate &r : *rates)
                m_texts << r.name << r.exemptionReason;
    }

    void add(const QString &text) { m_texts << text; }

    bool contains(const QString &text) const { return m_texts.contains(text); }

private:
    QSet<QString> m_texts;
};

QString tsPath(const QString &language)
{
    return QStringLiteral(KONTOR_SOURCE_DIR) + u"/resources/translations/kontor_"_s + language
        + u".ts"_s;
}

// A small valid PNG for a receipt.
QByteArray pngBytes()
{
    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(Qt::gray);
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return data;
}

// QTest cuts a failure message at about a thousand characters: the whole list goes to the log,
// one line each, and the failure says how many there are. True when there is nothing to list.
bool logAll(const QStringList &lines)
{
    for (const QString &line : lines)
        qWarning().noquote() << line;
    return lines.isEmpty();
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void everyMessageIsTranslated();
    void mainWindowIsItalian();
    void mainWindowSwitchesToItalianLive();
    void invoiceEditorIsItalian();
    void otherEditorsAreItalian();
    void settingsAndSetupAreItalian();
    void syncIsItalian();

private:
    // Fails naming every English text the widgets show, all at once.
    QStringList englishTexts(const Collector &collector) const;
    void verifyItalian(const Collector &collector, const QString &what);
    void seed();
    void collectModal(Collector &collector, const QString &objectName,
                      const std::function<void()> &open);

    QTemporaryDir m_settingsDir;
    QList<TsMessage> m_messages;
    Vocabulary m_vocabulary;
    std::unique_ptr<EditorLedger> m_ledger;
    std::unique_ptr<DataTexts> m_data;

    Customer m_customer;
    Product m_product;
    Document m_draft;
    Document m_issued;
    Document m_overdue;
    Document m_quote;
    Document m_creditNote;
    Expense m_expense;
};

void TestTranslations::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    Kontor::Test::isolateSettings(m_settingsDir);

    QString error;
    m_messages = readTs(tsPath(u"it"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_messages.size() > 100);
    // The English plural forms ("1 change", "2 changes") are English texts a user could see too.
    QHash<QString, QStringList> englishForms;
    for (const TsMessage &m : readTs(tsPath(u"en"_s), &error))
        if (m.numerus)
            englishForms[m.context + u'\n' + m.source] = m.translations;
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const TsMessage &m : std::as_const(m_messages))
        if (!m.unfinished && !m.obsolete)
            m_vocabulary.add(m, englishForms.value(m.context + u'\n' + m.source));

    // The translator as the program installs it: from the resources, :/kontor/i18n/kontor_it.qm.
    QVERIFY(QFile::exists(u":/kontor/i18n/kontor_it.qm"_s));
    QCOMPARE(Ui::applyLanguage(u"it"_s), u"it"_s);
    QCOMPARE(QCoreApplication::translate("Kontor::MainWindow", "Invoices"), u"Fatture"_s);
}

void TestTranslations::cleanupTestCase()
{
    Ui::applyLanguage(u"en"_s);
}

void TestTranslations::init()
{
    QCOMPARE(Ui::applyLanguage(u"it"_s), u"it"_s);
    m_ledger = std::make_unique<EditorLedger>();
    QVERIFY(m_ledger->open(false));
    seed();
    m_data = std::make_unique<DataTexts>();
    m_data->addLedger(*m_ledger->ledger);
}

void TestTranslations::cleanup()
{
    Kontor::Test::closeDialogs();
    m_data.reset();
    m_ledger.reset();
}

// A ledger with something in every list and every state an editor has: a draft, an issued
// invoice partly paid and partly credited, an overdue one, a quote, an expense with a receipt.
void TestTranslations::seed()
{
    EditorLedger &l = *m_ledger;
    m_customer = l.addCustomer(u"Bianchi Srl"_s, 30, u"amministrazione@bianchi.example"_s);
    const Customer other = l.addCustomer(u"Verdi Arredamenti"_s);
    m_product = l.addProduct(u"Consulenza"_s, u"HUR"_s, price(80), l.rate22, u"Ora di lavoro"_s);
    l.addProduct(u"Manuale stampato"_s, u"C62"_s, price(50), l.rate10);

    // Issued in January, due in February: overdue on the ledger's 9 March.
    Document old = l.addDraft(other);
    old.issueDate = QDate(2026, 1, 10);
    old.dueDate = QDate(2026, 2, 9);
    auto updated = l.ledger->updateDraft(old);
    QVERIFY2(updated.ok(), qPrintable(updated.ok() ? QString() : updated.error().toString()));
    auto overdue = l.ledger->issue(old.id);
    QVERIFY2(overdue.ok(), qPrintable(overdue.ok() ? QString() : overdue.error().toString()));
    m_overdue = overdue.value();

    const Document draft = l.addDraft(m_customer);
    auto issued = l.ledger->issue(draft.id);
    QVERIFY2(issued.ok(), qPrintable(issued.ok() ? QString() : issued.error().toString()));
    Payment payment;
    payment.target = PaymentTarget::Invoice;
    payment.targetId = issued->id;
    payment.date = l.today;
    payment.amountMinor = eur(100);
    payment.currency = issued->currency;
    payment.method = u"bank transfer"_s;
    payment.reference = u"CRO 123"_s;
    QVERIFY(l.ledger->recordPayment(payment).ok());
    CreditNoteRequest request;
    request.invoiceId = issued->id;
    DocumentLine credited = issued->lines.at(1);
    credited.id.clear();
    request.lines = {credited};
    request.reason = u"Reso"_s;
    request.issueDate = l.today;
    auto creditNote = l.ledger->createCreditNote(request);
    QVERIFY2(creditNote.ok(),
             qPrintable(creditNote.ok() ? QString() : creditNote.error().toString()));
    auto creditIssued = l.ledger->issue(creditNote->id);
    QVERIFY2(creditIssued.ok(),
             qPrintable(creditIssued.ok() ? QString() : creditIssued.error().toString()));
    m_creditNote = creditIssued.value();
    m_issued = l.ledger->document(issued->id).value();

    m_draft = l.addDraft(m_customer);
    m_quote = l.addDraft(other, DocumentKind::Quote);
    const Document converted = l.addDraft(m_customer, DocumentKind::Quote);
    QVERIFY(l.ledger->convertQuote(converted.id).ok());

    Expense expense;
    expense.supplier = u"Cartoleria Neri"_s;
    expense.date = QDate(2026, 3, 2);
    expense.category = u"Ufficio"_s;
    expense.currency = u"EUR"_s;
    expense.netMinor = eur(100);
    expense.vatMinor = eur(22);
    expense.totalMinor = eur(122);
    auto added = l.ledger->addExpense(expense);
    QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().toString()));
    QVERIFY(
        l.ledger->attachReceipt(added->id, u"scontrino.png"_s, u"image/png"_s, pngBytes()).ok());
    Payment paid;
    paid.target = PaymentTarget::Expense;
    paid.targetId = added->id;
    paid.date = l.today;
    paid.amountMinor = eur(50);
    paid.currency = u"EUR"_s;
    paid.method = u"card"_s;
    QVERIFY(l.ledger->recordPayment(paid).ok());
    m_expense = l.ledger->expense(added->id).value();
}

QStringList TestTranslations::englishTexts(const Collector &collector) const
{
    QStringList offenders;
    QSet<QString> reported;
    for (const Seen &s : collector.seen) {
        const QString text = s.text.trimmed();
        if (m_data->contains(text) || m_vocabulary.isItalian(text))
            continue;
        const QString italian = m_vocabulary.expectedFor(text, s.where);
        if (italian.isEmpty())
            continue;
        const QString line = u"  %1: \"%2\" (Italian: \"%3\")"_s.arg(s.where, text, italian);
        if (!reported.contains(line)) {
            reported << line;
            offenders << line;
        }
    }
    return offenders;
}

void TestTranslations::verifyItalian(const Collector &collector, const QString &what)
{
    QVERIFY2(!collector.seen.isEmpty(), qPrintable(what + u": nothing collected"_s));
    const QStringList offenders = englishTexts(collector);
    QVERIFY2(logAll(offenders),
             qPrintable(u"%1 shows %2 English text(s) in Italian, listed above"_s.arg(what).arg(
                 offenders.size())));
}

// Opens a modal dialog with `open` (which blocks in exec()), collects what it shows and closes it.
void TestTranslations::collectModal(Collector &collector, const QString &objectName,
                                    const std::function<void()> &open)
{
    ModalDriver driver(objectName, [&collector](QWidget *dialog) {
        collector.addWidgetTree(dialog);
        if (auto *box = qobject_cast<QMessageBox *>(dialog)) {
            collector.add(box, u"informative text"_s, box->informativeText());
            collector.add(box, u"detailed text"_s, box->detailedText());
        }
        if (auto *d = qobject_cast<QDialog *>(dialog))
            d->reject();
    });
    open();
    QVERIFY2(driver.handled(), qPrintable(objectName + u" did not open"_s));
}

void TestTranslations::everyMessageIsTranslated()
{
    QStringList problems;
    for (const TsMessage &m : std::as_const(m_messages)) {
        if (m.obsolete)
            continue;
        const QString where = u"%1 \"%2\""_s.arg(m.context, m.source);
        if (m.unfinished) {
            problems << u"  unfinished: "_s + where;
            continue;
        }
        if (m.numerus && m.translations.size() != 2)
            problems << u"  needs the two Italian plural forms: "_s + where;
        for (const QString &t : m.translations) {
            if (placeholders(t) != placeholders(m.source))
                problems << u"  placeholders differ: %1 -> \"%2\""_s.arg(where, t);
            if (m.source.contains(u'&') != t.contains(u'&'))
                problems << u"  mnemonic (&) lost or added: %1 -> \"%2\""_s.arg(where, t);
            if (m.source.count(u'\n') != t.count(u'\n'))
                problems << u"  line breaks differ: %1 -> \"%2\""_s.arg(where, t);
        }
    }
    QVERIFY2(logAll(problems),
             qPrintable(u"kontor_it.ts has %1 problem(s), listed above"_s.arg(problems.size())));
}

void TestTranslations::mainWindowIsItalian()
{
    MainWindow window(*m_ledger->ctx);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    using NavPage = Navigator::Page;
    for (NavPage page : {NavPage::Dashboard, NavPage::Invoices, NavPage::Quotes,
                         NavPage::CreditNotes, NavPage::Expenses, NavPage::Customers,
                         NavPage::Products, NavPage::Payments, NavPage::Settings}) {
        window.showPage(page);
        QCoreApplication::processEvents();
    }
    Collector collector;
    collector.addWidgetTree(&window);
    verifyItalian(collector, u"The main window"_s);
}

// Started in English and switched in Settings, as a user does: every page that was already built
// sets its texts again.
void TestTranslations::mainWindowSwitchesToItalianLive()
{
    QCOMPARE(Ui::applyLanguage(u"en"_s), u"en"_s);
    MainWindow window(*m_ledger->ctx);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    using NavPage = Navigator::Page;
    for (NavPage page : {NavPage::Dashboard, NavPage::Invoices, NavPage::Quotes,
                         NavPage::CreditNotes, NavPage::Expenses, NavPage::Customers,
                         NavPage::Products, NavPage::Payments, NavPage::Settings}) {
        window.showPage(page);
        QCoreApplication::processEvents();
    }
    QCOMPARE(Ui::applyLanguage(u"it"_s), u"it"_s);
    // The language change arrives as posted events.
    QTRY_COMPARE(window.navigation()->item(1)->text(), u"Fatture"_s);
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    Collector collector;
    collector.addWidgetTree(&window);
    QVERIFY(!collector.seen.isEmpty());
    const QStringList offenders = englishTexts(collector);
    // The main window builds its list pages and dashboard again on a language change.
    QVERIFY2(
        offenders.isEmpty(),
        qPrintable(u"%1 English text(s) left after switching, the first: %2"_s.arg(offenders.size())
                       .arg(offenders.value(0).trimmed())));
}

void TestTranslations::invoiceEditorIsItalian()
{
    Collector collector;
    UiContext &ctx = *m_ledger->ctx;
    const auto look = [&collector](QDialog &editor) {
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        collector.addWidgetTree(&editor);
    };
    {
        InvoiceEditor editor(ctx, QString());
        look(editor);
    }
    {
        InvoiceEditor editor(ctx, QString(), DocumentKind::Quote, m_customer.id);
        look(editor);
    }
    {
        // A draft with lines; Issue asks with the number it will take.
        InvoiceEditor editor(ctx, m_draft.id);
        look(editor);
        collectModal(collector, u"issueConfirmation"_s, [&editor] { (void)editor.issue(); });
    }
    for (const QString &id : {m_issued.id, m_overdue.id, m_quote.id, m_creditNote.id}) {
        InvoiceEditor editor(ctx, id);
        look(editor);
    }
    {
        CreditNoteDialog dialog(ctx, m_issued.id);
        look(dialog);
    }
    {
        PaymentDialog dialog(ctx, PaymentTarget::Invoice, m_issued.id);
        look(dialog);
    }
    {
        PdfPreview preview(ctx, m_issued.id);
        look(preview);
    }
    verifyItalian(collector, u"The invoice editor and its dialogs"_s);
}

void TestTranslations::otherEditorsAreItalian()
{
    Collector collector;
    UiContext &ctx = *m_ledger->ctx;
    const auto look = [&collector](QDialog &editor) {
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        collector.addWidgetTree(&editor);
    };
    for (const QString &id : {QString(), m_customer.id}) {
        CustomerEditor editor(ctx, id);
        look(editor);
    }
    for (const QString &id : {QString(), m_product.id}) {
        ProductEditor editor(ctx, id);
        look(editor);
    }
    for (const QString &id : {QString(), m_expense.id}) {
        ExpenseEditor editor(ctx, id);
        look(editor);
    }
    {
        PaymentDialog dialog(ctx, PaymentTarget::Expense, m_expense.id);
        look(dialog);
    }
    verifyItalian(collector, u"The customer, product and expense editors"_s);
}

void TestTranslations::settingsAndSetupAreItalian()
{
    Collector collector;
    {
        SettingsPage page(*m_ledger->ctx);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        collector.addWidgetTree(&page);
    }
    {
        QTemporaryDir dir;
        SetupWizard wizard(dir.filePath(u"books.kontor"_s));
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        collector.addWidgetTree(&wizard);
        auto *name = wizard.findChild<QLineEdit *>(u"companyName"_s);
        QVERIFY(name);
        QTest::keyClicks(name, u"Studio Rossi"_s);
        wizard.next();
        QTRY_COMPARE(wizard.currentId(), int(SetupWizard::NumberingPageId));
        collector.addWidgetTree(&wizard);
    }
    verifyItalian(collector, u"Settings and the first-run setup"_s);
}

// Settings > Sync account signed out and signed in, the Sync panel with a conflict and a refused
// change, the View menu and the status bar, against a sync server in memory.
void TestTranslations::syncIsItalian()
{
    Kontor::Test::FakeSyncTransport server;
    SyncSession::Options options;
    options.credentialDirectory = m_ledger->dir.filePath(u"data"_s);
    options.credentialPreference = Sync::CredentialStore::Preference::FileOnly;
    options.transport = &server;
    SyncSession session(*m_ledger->ledger, m_ledger->events, m_ledger->sync, options);
    session.engine().setUseNetworkInformation(false);
    UiContext ctx = *m_ledger->ctx;
    ctx.syncSession = &session;

    ConflictEntry conflict;
    conflict.entity = u"customer"_s;
    conflict.entityId = m_customer.id;
    conflict.field = u"paymentTermsDays"_s;
    conflict.lostValue = 60;
    conflict.keptValue = -1;
    QVERIFY(session.replica().addConflict(conflict).ok());
    ConflictEntry lines = conflict;
    lines.entity = u"invoice"_s;
    lines.entityId = m_draft.id;
    lines.field = u"lines"_s;
    lines.lostValue = QJsonArray {QJsonObject {}, QJsonObject {}};
    lines.keptValue = QJsonArray {QJsonObject {}};
    QVERIFY(session.replica().addConflict(lines).ok());
    RejectionEntry rejection;
    rejection.opId = u"op-1"_s;
    rejection.entity = u"invoice"_s;
    rejection.entityId = m_issued.id;
    rejection.kind = u"update"_s;
    rejection.rule = u"immutable-document"_s;
    rejection.message = u"issued documents are immutable"_s;
    QVERIFY(session.replica().addRejection(rejection).ok());
    RejectionEntry kept = rejection;
    kept.opId = u"op-2"_s;
    kept.resolution = u"kept-as-draft:"_s + m_draft.id;
    QVERIFY(session.replica().addRejection(kept).ok());

    Collector collector;
    MainWindow window(ctx);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(Navigator::Page::Settings);
    static_cast<SettingsPage *>(window.page(Navigator::Page::Settings))
        ->showTab(SettingsPage::SyncTab);
    SyncPanel *panel = window.showSyncPanel();
    QVERIFY(panel);
    QVERIFY(QTest::qWaitForWindowExposed(panel));
    QCoreApplication::processEvents();
    collector.addWidgetTree(&window);

    bool signedIn = false;
    session.signIn(u"https://kontor.example.net"_s, u"anna@example.net"_s, u"secret-password"_s,
                   u"Portatile"_s, [&signedIn](Status s) { signedIn = s.ok(); });
    QTRY_VERIFY(signedIn);
    QTRY_COMPARE(m_ledger->sync.state(), SyncStatus::State::Online);
    QCoreApplication::processEvents();
    collector.addWidgetTree(&window);
    // The panel and both states of the account page were looked at.
    for (const QString &text : {u"&Tieni il mio"_s, u"&Accedi"_s, u"&Esci"_s, u"In linea"_s}) {
        const bool seen = std::any_of(collector.seen.cbegin(), collector.seen.cend(),
                                      [&text](const Seen &s) { return s.text.contains(text); });
        QVERIFY2(seen, qPrintable(text));
    }
    verifyItalian(collector, u"Sync account, Sync panel and status bar"_s);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
