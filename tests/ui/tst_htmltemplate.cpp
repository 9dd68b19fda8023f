// The template language of the invoice and report templates: values escaped, sections repeated
// or shown by truthiness, names resolved from the innermost list item outwards.
#include "htmltemplate.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Kontor;

class TestHtmlTemplate : public QObject
{
    Q_OBJECT

private slots:
    void render_data();
    void render();
    void malformed_data();
    void malformed();
};

void TestHtmlTemplate::render_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVariantHash>("context");
    QTest::addColumn<QString>("expected");

    const QVariantList items {QVariantHash {{u"name"_s, u"a"_s}},
                              QVariantHash {{u"name"_s, u"b"_s}, {u"mark"_s, true}}};
    QTest::newRow("plain") << u"<p>x</p>"_s << QVariantHash {} << u"<p>x</p>"_s;
    QTest::newRow("value") << u"Hi {{ name }}!"_s << QVariantHash {{u"name"_s, u"Größe"_s}}
                           << u"Hi Größe!"_s;
    QTest::newRow("escaped") << u"{{v}}"_s << QVariantHash {{u"v"_s, u"<b>&\"{{x}}\""_s}}
                             << u"&lt;b&gt;&amp;&quot;{{x}}&quot;"_s;
    QTest::newRow("newlines") << u"{{v}}"_s << QVariantHash {{u"v"_s, u"one\r\ntwo\nthree"_s}}
                              << u"one<br/>two<br/>three"_s;
    QTest::newRow("missing") << u"[{{nope}}]"_s << QVariantHash {} << u"[]"_s;
    QTest::newRow("comment") << u"a{{! a note for the template's reader }}b"_s << QVariantHash {}
                             << u"ab"_s;
    QTest::newRow("list") << u"{{#items}}<{{name}}{{#mark}}*{{/mark}}>{{/items}}"_s
                          << QVariantHash {{u"items"_s, items}} << u"<a><b*>"_s;
    QTest::newRow("outer name") << u"{{#items}}{{name}}{{sep}}{{/items}}"_s
                                << QVariantHash {{u"items"_s, items}, {u"sep"_s, u","_s}}
                                << u"a,b,"_s;
    QTest::newRow("true") << u"{{#on}}yes{{/on}}{{^on}}no{{/on}}"_s
                          << QVariantHash {{u"on"_s, true}} << u"yes"_s;
    QTest::newRow("false") << u"{{#on}}yes{{/on}}{{^on}}no{{/on}}"_s
                           << QVariantHash {{u"on"_s, false}} << u"no"_s;
    QTest::newRow("empty string") << u"{{#s}}[{{s}}]{{/s}}{{^s}}none{{/s}}"_s
                                  << QVariantHash {{u"s"_s, QString()}} << u"none"_s;
    QTest::newRow("string") << u"{{#s}}[{{s}}]{{/s}}"_s << QVariantHash {{u"s"_s, u"x"_s}}
                            << u"[x]"_s;
    QTest::newRow("empty list") << u"{{#items}}x{{/items}}{{^items}}none{{/items}}"_s
                                << QVariantHash {{u"items"_s, QVariantList {}}} << u"none"_s;
    QTest::newRow("nested same name")
        << u"{{#on}}a{{#on}}b{{/on}}c{{/on}}d"_s << QVariantHash {{u"on"_s, true}} << u"abcd"_s;
}

void TestHtmlTemplate::render()
{
    QFETCH(QString, text);
    QFETCH(QVariantHash, context);
    QFETCH(QString, expected);
    auto out = renderHtmlTemplate(text, context);
    QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().toString()));
    QCOMPARE(out.value(), expected);
}

void TestHtmlTemplate::malformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("unclosed tag") << u"a {{name"_s;
    QTest::newRow("unclosed section") << u"{{#on}}a"_s;
    QTest::newRow("stray close") << u"a{{/on}}"_s;
    QTest::newRow("empty tag") << u"{{ }}"_s;
    QTest::newRow("crossed sections") << u"{{#a}}{{#b}}{{/a}}{{/b}}"_s;
}

void TestHtmlTemplate::malformed()
{
    QFETCH(QString, text);
    auto out
        = renderHtmlTemplate(text, QVariantHash {{u"on"_s, true}, {u"a"_s, true}, {u"b"_s, true}});
    QVERIFY(!out.ok());
    QCOMPARE(out.error().kind, ErrorKind::Usage);
    QCOMPARE(out.error().rule, u"template-syntax"_s);
}

QTEST_MAIN(TestHtmlTemplate)
#include "tst_htmltemplate.moc"
