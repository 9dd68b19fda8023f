// A minimal logic-less template language for the HTML templates shipped in resources/ (invoice,
// later reports): `{{name}}` inserts a value HTML-escaped, `{{#name}}...{{/name}}` repeats over a
// list or shows its body when the value is true or non-empty, `{{^name}}...{{/name}}` shows its
// body when it is not, `{{! ...}}` is a comment. Keeping the layout in a template file, and every
// value escaped by default, lets the look change without touching the code that fills it.
#pragma once

#include "result.h"

#include <QString>
#include <QVariantHash>

namespace Kontor {

// Renders `text` with `context`. Values are QString (escaped; newlines become <br/>), bool, or
// QVariantList of QVariantHash (a section repeats once per item, names resolve in the item first,
// then outwards). A name that is not found renders as nothing; a malformed template is an error.
Result<QString> renderHtmlTemplate(QStringView text, const QVariantHash &context);

// HTML-escapes plain text for the templates, turning newlines into line breaks.
QString htmlText(const QString &plain);

} // namespace Kontor
