// Colours the lists and the dashboard derive from the current palette instead of hard-coding,
// so they read well in light and dark mode alike.
#pragma once

#include <QBrush>
#include <QColor>
#include <QPalette>

namespace Kontor::Ui {

// True when the palette's window is dark (dark mode).
bool isDarkPalette(const QPalette &palette);
// A red that contrasts with the palette's base colour: for overdue rows and negative figures.
// Qt's palette has no "negative" role, so it keeps the saturation of the highlight and picks a
// lightness on the far side of the base colour.
QColor negativeTextColor(const QPalette &palette);
// The same for the application's current palette.
QBrush negativeTextBrush();

} // namespace Kontor::Ui
