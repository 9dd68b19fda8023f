// The desktop's icons: the SVG line icons of :/kontor/icons/, drawn in the colour of the current
// palette's text so they read on light and dark themes alike and stay sharp at any scale.
#pragma once

#include <QIcon>
#include <QString>

namespace Kontor::Ui {

// `name` is the file name without ".svg" ("invoice", "customer", "search", ...). The icon
// follows palette changes (dark mode switched on while running) because it is drawn on demand.
// An unknown name falls back to the freedesktop theme icon `themeFallback`, if given.
QIcon icon(const QString &name, const QString &themeFallback = {});

} // namespace Kontor::Ui
