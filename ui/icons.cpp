#include "icons.h"

#include <QFile>
#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>

using namespace Qt::StringLiterals;

namespace Kontor::Ui {

namespace {

// The stroke colour the SVG files are drawn with; replaced by the palette's colour when drawn.
constexpr QByteArrayView kNeutralStroke = "#808080";

QColor iconColour(QIcon::Mode mode)
{
    const QPalette palette = QGuiApplication::palette();
    switch (mode) {
    case QIcon::Disabled:
        return palette.color(QPalette::Disabled, QPalette::WindowText);
    case QIcon::Selected:
        return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Normal:
    case QIcon::Active:
        break;
    }
    // A little softer than the text, as line icons next to text usually are.
    const QColor text = palette.color(QPalette::Active, QPalette::WindowText);
    const QColor window = palette.color(QPalette::Active, QPalette::Window);
    return QColor::fromRgbF(text.redF() * 0.8f + window.redF() * 0.2f,
                            text.greenF() * 0.8f + window.greenF() * 0.2f,
                            text.blueF() * 0.8f + window.blueF() * 0.2f);
}

class PaletteSvgIconEngine : public QIconEngine
{
public:
    PaletteSvgIconEngine(QString name, QByteArray svg)
        : m_name(std::move(name)), m_svg(std::move(svg))
    { }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        QSvgRenderer renderer(recoloured(mode));
        renderer.render(painter, rect);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        if (size.isEmpty())
            return {};
        const QColor colour = iconColour(mode);
        const QString cacheKey = u"kontor-icon:%1:%2x%3:%4"_s.arg(m_name)
                                     .arg(size.width())
                                     .arg(size.height())
                                     .arg(colour.name(QColor::HexArgb));
        QPixmap pm;
        if (QPixmapCache::find(cacheKey, &pm))
            return pm;
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter p(&image);
            p.setRenderHint(QPainter::Antialiasing);
            paint(&p, QRect(QPoint(0, 0), size), mode, state);
        }
        pm = QPixmap::fromImage(std::move(image));
        QPixmapCache::insert(cacheKey, pm);
        return pm;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine *clone() const override { return new PaletteSvgIconEngine(m_name, m_svg); }
    QString key() const override { return u"KontorPaletteSvgIconEngine"_s; }
    QString iconName() override { return m_name; }

private:
    QByteArray recoloured(QIcon::Mode mode) const
    {
        QByteArray svg = m_svg;
        svg.replace(kNeutralStroke, iconColour(mode).name().toLatin1());
        return svg;
    }

    QString m_name;
    QByteArray m_svg;
};

} // namespace

QIcon icon(const QString &name, const QString &themeFallback)
{
    QFile file(u":/kontor/icons/%1.svg"_s.arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return themeFallback.isEmpty() ? QIcon() : QIcon::fromTheme(themeFallback);
    return QIcon(new PaletteSvgIconEngine(name, file.readAll()));
}

} // namespace Kontor::Ui
