#include "MigrationStateStyle.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace tw::ui {

using migrate::MigrationState;

namespace {

QPixmap paintDot(const QColor &fill, MigrationStateStyle::Tone tone, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal m = size / 8.0;
    const QRectF box(m, m, size - 2 * m, size - 2 * m);
    painter.setPen(QPen(fill.darker(130), size / 16.0));
    painter.setBrush(fill);
    if (tone == MigrationStateStyle::Tone::Warning) {
        QPainterPath triangle;
        triangle.moveTo(box.center().x(), box.top());
        triangle.lineTo(box.bottomRight());
        triangle.lineTo(box.bottomLeft());
        triangle.closeSubpath();
        painter.drawPath(triangle);
    } else {
        painter.drawEllipse(box);
    }
    // The mark inside: a tick, a cross or an exclamation mark, so the state
    // reads without relying on colour alone.
    QPen mark(QColor(Qt::white), size / 9.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(mark);
    painter.setBrush(Qt::NoBrush);
    const QPointF c = box.center();
    const qreal r = box.width() / 4.5;
    switch (tone) {
    case MigrationStateStyle::Tone::Ok:
        painter.drawPolyline(QPolygonF{{c.x() - r, c.y()}, {c.x() - r / 3, c.y() + r * 0.7}, {c.x() + r, c.y() - r * 0.7}});
        break;
    case MigrationStateStyle::Tone::Error:
        painter.drawLine(QPointF(c.x() - r * 0.8, c.y() - r * 0.8), QPointF(c.x() + r * 0.8, c.y() + r * 0.8));
        painter.drawLine(QPointF(c.x() + r * 0.8, c.y() - r * 0.8), QPointF(c.x() - r * 0.8, c.y() + r * 0.8));
        break;
    case MigrationStateStyle::Tone::Warning:
        painter.drawLine(QPointF(c.x(), c.y() - r * 0.4), QPointF(c.x(), c.y() + r * 0.7));
        painter.drawPoint(QPointF(c.x(), c.y() + r * 1.4));
        break;
    case MigrationStateStyle::Tone::Neutral:
        painter.drawLine(QPointF(c.x() - r, c.y()), QPointF(c.x() + r, c.y()));
        break;
    case MigrationStateStyle::Tone::Muted:
        break;
    }
    return pixmap;
}

} // namespace

MigrationStateStyle::Tone MigrationStateStyle::tone(MigrationState state)
{
    switch (state) {
    case MigrationState::Applied: return Tone::Ok;
    case MigrationState::Pending: return Tone::Neutral;
    case MigrationState::OutOfOrder: return Tone::Warning;
    case MigrationState::Failed:
    case MigrationState::Partial: return Tone::Error;
    case MigrationState::ChecksumChanged:
    case MigrationState::MissingFile: return Tone::Warning;
    case MigrationState::BelowBaseline: return Tone::Muted;
    }
    return Tone::Neutral;
}

QColor MigrationStateStyle::color(MigrationState state)
{
    switch (state) {
    case MigrationState::Applied: return QColor(0x2e, 0x7d, 0x32);        // green
    case MigrationState::Pending: return QColor(0x60, 0x7d, 0x8b);        // blue-grey
    case MigrationState::Failed: return QColor(0xc6, 0x28, 0x28);         // red
    case MigrationState::Partial: return QColor(0xe6, 0x51, 0x00);        // deep orange
    case MigrationState::ChecksumChanged:
    case MigrationState::MissingFile:
    case MigrationState::OutOfOrder: return QColor(0xf9, 0xa8, 0x25);     // amber
    case MigrationState::BelowBaseline: return QColor(0x9e, 0x9e, 0x9e);  // grey
    }
    return {};
}

QColor MigrationStateStyle::background(MigrationState state)
{
    switch (tone(state)) {
    case Tone::Error: return state == MigrationState::Partial ? QColor(0xff, 0xf3, 0xe0) : QColor(0xff, 0xeb, 0xee);
    case Tone::Warning: return QColor(0xff, 0xf8, 0xe1);
    default: return {};
    }
}

QIcon MigrationStateStyle::icon(MigrationState state)
{
    static QHash<int, QIcon> cache;
    const int key = int(state);
    if (const auto found = cache.constFind(key); found != cache.constEnd())
        return *found;
    QIcon icon;
    for (int size : {16, 24, 32})
        icon.addPixmap(paintDot(color(state), tone(state), size));
    cache.insert(key, icon);
    return icon;
}

QString MigrationStateStyle::label(MigrationState state)
{
    switch (state) {
    case MigrationState::Applied: return tr("Applied");
    case MigrationState::Pending: return tr("Pending");
    case MigrationState::Failed: return tr("Failed");
    case MigrationState::Partial: return tr("Partial");
    case MigrationState::ChecksumChanged: return tr("Checksum changed");
    case MigrationState::MissingFile: return tr("Missing file");
    case MigrationState::OutOfOrder: return tr("Out of order");
    case MigrationState::BelowBaseline: return tr("Below baseline");
    }
    return {};
}

QString MigrationStateStyle::explanation(MigrationState state)
{
    switch (state) {
    case MigrationState::Applied: return tr("Applied; the file is unchanged since.");
    case MigrationState::Pending: return tr("Not applied yet: Up runs it.");
    case MigrationState::Failed:
        return tr("The last attempt failed and was rolled back: the database is as before it. Fix the file, then run Up.");
    case MigrationState::Partial:
        return tr("A migration without a transaction stopped part-way. Up resumes it from the failed statement.");
    case MigrationState::ChecksumChanged:
        return tr("The file changed after it was applied. Revert the edit, or run Repair to accept the file as it is now.");
    case MigrationState::MissingFile:
        return tr("Applied, but its file is gone from the migrations directory. Restore it, or run Repair.");
    case MigrationState::OutOfOrder:
        return tr("Pending, but a higher version is already applied: Up runs it only with out-of-order allowed.");
    case MigrationState::BelowBaseline: return tr("Older than the baseline: never run on this database.");
    }
    return {};
}

} // namespace tw::ui
