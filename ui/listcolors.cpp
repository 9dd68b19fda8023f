#include "listcolors.h"

#include <QGuiApplication>

namespace Kontor::Ui {

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor negativeTextColor(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const int saturation = qMax(160, palette.color(QPalette::Highlight).hslSaturation());
    // Dark base: a light red; light base: a deep red. Both keep a contrast ratio above 4.5:1
    // against white or near-black backgrounds.
    const int lightness = base.lightness() < 128 ? 175 : 85;
    return QColor::fromHsl(0, saturation, lightness);
}

QBrush negativeTextBrush()
{
    return QBrush(negativeTextColor(QGuiApplication::palette()));
}

} // namespace Kontor::Ui
