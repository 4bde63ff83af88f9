#include "queueformat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPainter>
#include <QPixmap>

#include <algorithm>
#include <array>

namespace nocturne::models {

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        ms = 0;
    const qint64 minutes = ms / 60'000;
    const qint64 hours = minutes / 60;
    const qint64 days = hours / 24;
    if (days > 0)
        return QCoreApplication::translate("Duration", "%1d %2h").arg(days).arg(hours % 24);
    if (hours > 0)
        return QCoreApplication::translate("Duration", "%1h %2m").arg(hours).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("Duration", "%1m").arg(minutes);
}

QColor priorityColor(int priority)
{
    // Red, orange, amber, blue, grey: legible on light and dark palettes.
    switch (priority) {
    case 1: return QColor(0xd3, 0x2f, 0x2f);
    case 2: return QColor(0xef, 0x6c, 0x00);
    case 3: return QColor(0xb2, 0x8a, 0x00);
    case 4: return QColor(0x19, 0x76, 0xd2);
    default: return QColor(0x75, 0x75, 0x75);
    }
}

QColor slaLevelBackground(SlaLevel level)
{
    switch (level) {
    case SlaLevel::Warning: return QColor(0xff, 0xf1, 0xb8);
    case SlaLevel::Serious: return QColor(0xff, 0xd5, 0x9e);
    case SlaLevel::Critical: return QColor(0xff, 0xb3, 0xad);
    case SlaLevel::Breached: return QColor(0xc6, 0x28, 0x28);
    default: return {};
    }
}

QColor slaLevelForeground(SlaLevel level)
{
    switch (level) {
    case SlaLevel::Warning:
    case SlaLevel::Serious:
    case SlaLevel::Critical: return QColor(0x21, 0x21, 0x21);
    case SlaLevel::Breached: return QColor(Qt::white);
    default: return {};
    }
}

namespace {

// Built once per priority: a data() call per painted cell must not paint pixmaps.
// Pixmaps must not outlive the application object, hence the post routine.
std::array<QIcon, 6> &iconCache()
{
    static std::array<QIcon, 6> cache;
    return cache;
}

void clearIconCache()
{
    iconCache().fill(QIcon());
}

} // namespace

QIcon priorityIcon(int priority)
{
    auto &cache = iconCache();
    const int p = (priority >= 1 && priority <= 5) ? priority : 5;
    if (cache[p].isNull()) {
        if (std::all_of(cache.begin(), cache.end(), [](const QIcon &icon) { return icon.isNull(); }))
            qAddPostRoutine(clearIconCache);
        QPixmap pixmap(16, 16);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(priorityColor(p));
        if (p <= 2) {
            // Urgent priorities get a diamond, so colour is not the only cue.
            const QPointF diamond[] = { { 8, 1 }, { 15, 8 }, { 8, 15 }, { 1, 8 } };
            painter.drawPolygon(diamond, 4);
        } else {
            painter.drawEllipse(QRectF(3, 3, 10, 10));
        }
        painter.end();
        cache[p] = QIcon(pixmap);
    }
    return cache[p];
}

} // namespace nocturne::models
