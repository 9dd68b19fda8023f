#include "htmltemplate.h"

#include <QList>
#include <QVariantList>

using namespace Qt::StringLiterals;

namespace Kontor {

namespace {

Error templateError(const QString &message)
{
    return Error {ErrorKind::Usage, u"template"_s, u"template-syntax"_s, message};
}

class Renderer
{
public:
    explicit Renderer(QStringView text) : m_text(text) { }

    Status render(qsizetype from, qsizetype to, QList<const QVariantHash *> &scopes, QString &out)
    {
        qsizetype pos = from;
        while (pos < to) {
            const qsizetype open = m_text.indexOf(u"{{", pos);
            if (open < 0 || open >= to) {
                out += m_text.mid(pos, to - pos);
                break;
            }
            out += m_text.mid(pos, open - pos);
            const qsizetype close = m_text.indexOf(u"}}", open + 2);
            if (close < 0 || close >= to)
                return templateError(u"unclosed tag at offset %1"_s.arg(open));
            const QStringView tag = m_text.mid(open + 2, close - open - 2).trimmed();
            pos = close + 2;
            if (tag.isEmpty())
                return templateError(u"empty tag at offset %1"_s.arg(open));
            const QChar sigil = tag.front();
            if (sigil == u'!')
                continue;
            if (sigil == u'/')
                return templateError(
                    u"unexpected {{%1}} at offset %2"_s.arg(tag, QString::number(open)));
            if (sigil != u'#' && sigil != u'^') {
                out += htmlText(lookup(tag, scopes).toString());
                continue;
            }
            const QStringView name = tag.mid(1).trimmed();
            qsizetype bodyEnd = 0;
            qsizetype after = 0;
            KONTOR_TRY(findClose(name, pos, to, bodyEnd, after));
            const QVariant value = lookup(name, scopes);
            if (sigil == u'^') {
                if (!truthy(value))
                    KONTOR_TRY(render(pos, bodyEnd, scopes, out));
            } else if (value.typeId() == QMetaType::QVariantList) {
                const QVariantList items = value.toList();
                for (const QVariant &item : items) {
                    const QVariantHash scope = item.toHash();
                    scopes.append(&scope);
                    Status s = render(pos, bodyEnd, scopes, out);
                    scopes.removeLast();
                    if (!s)
                        return s;
                }
            } else if (truthy(value)) {
                KONTOR_TRY(render(pos, bodyEnd, scopes, out));
            }
            pos = after;
        }
        return {};
    }

private:
    // Finds the {{/name}} that closes a section opened just before `from`, skipping nested
    // sections of the same name.
    Status findClose(QStringView name, qsizetype from, qsizetype to, qsizetype &bodyEnd,
                     qsizetype &after) const
    {
        int depth = 1;
        qsizetype pos = from;
        while (pos < to) {
            const qsizetype open = m_text.indexOf(u"{{", pos);
            if (open < 0 || open >= to)
                break;
            const qsizetype close = m_text.indexOf(u"}}", open + 2);
            if (close < 0 || close >= to)
                break;
            const QStringView tag = m_text.mid(open + 2, close - open - 2).trimmed();
            pos = close + 2;
            if (tag.size() < 2 || tag.mid(1).trimmed() != name)
                continue;
            if (tag.front() == u'#' || tag.front() == u'^') {
                ++depth;
            } else if (tag.front() == u'/' && --depth == 0) {
                bodyEnd = open;
                after = pos;
                return {};
            }
        }
        return templateError(u"section '%1' is not closed"_s.arg(name));
    }

    static QVariant lookup(QStringView name, const QList<const QVariantHash *> &scopes)
    {
        const QString key = name.toString();
        // Innermost scope first.
        for (qsizetype i = scopes.size() - 1; i >= 0; --i) {
            const auto found = scopes.at(i)->constFind(key);
            if (found != scopes.at(i)->cend())
                return found.value();
        }
        return {};
    }

    static bool truthy(const QVariant &v)
    {
        switch (v.typeId()) {
        case QMetaType::UnknownType:
            return false;
        case QMetaType::Bool:
            return v.toBool();
        case QMetaType::QVariantList:
            return !v.toList().isEmpty();
        case QMetaType::QString:
            return !v.toString().isEmpty();
        default:
            return !v.isNull();
        }
    }

    QStringView m_text;
};

} // namespace

QString htmlText(const QString &plain)
{
    QString escaped = plain.toHtmlEscaped();
    escaped.replace(u"\r\n"_s, u"\n"_s);
    escaped.replace(u'\n', u"<br/>"_s);
    return escaped;
}

Result<QString> renderHtmlTemplate(QStringView text, const QVariantHash &context)
{
    Renderer renderer(text);
    QList<const QVariantHash *> scopes {&context};
    QString out;
    out.reserve(text.size() * 2);
    KONTOR_TRY(renderer.render(0, text.size(), scopes, out));
    return out;
}

} // namespace Kontor
