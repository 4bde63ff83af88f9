#include "trayindicator.h"

#include <models/incidentqueuemodel.h>

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QSystemTrayIcon>
#include <QTimer>

namespace nocturne::ui {

namespace {

// Queue changes arrive in bursts (a snapshot, a bulk action); one recount per burst.
constexpr int RecountDelayMs = 250;

} // namespace

TrayIndicator::TrayIndicator(models::IncidentQueueModel *queue, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
    , m_recount(new QTimer(this))
{
    m_recount->setSingleShot(true);
    m_recount->setInterval(RecountDelayMs);
    connect(m_recount, &QTimer::timeout, this, &TrayIndicator::recount);
    const auto later = [this] { m_recount->start(); };
    connect(queue, &QAbstractItemModel::modelReset, this, later);
    connect(queue, &QAbstractItemModel::rowsInserted, this, later);
    connect(queue, &QAbstractItemModel::rowsRemoved, this, later);
    connect(queue, &QAbstractItemModel::dataChanged, this, [this, later](const QModelIndex &topLeft) {
        // SLA and age columns do not change who acknowledged what.
        if (topLeft.column() == 0)
            later();
    });

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        m_tray->setObjectName(QStringLiteral("trayIcon"));
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                Q_EMIT activated();
        });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayIndicator::notificationClicked);
    }
    recount();
    if (m_tray)
        m_tray->show();
}

TrayIndicator::~TrayIndicator() = default;

int TrayIndicator::countUnacknowledgedUrgent(const models::IncidentQueueModel &queue)
{
    int n = 0;
    for (int row = 0; row < queue.rowCount(); ++row) {
        const core::QueueEntry &e = queue.entry(row);
        n += (e.priority <= 2 && e.acknowledgedAt == 0 && core::isOpen(e.state)) ? 1 : 0;
    }
    return n;
}

QString TrayIndicator::toolTip() const
{
    if (m_count <= 0)
        return tr("Nocturne — no unacknowledged P1–P2 incident");
    return tr("Nocturne — %n unacknowledged P1–P2 incident(s)", nullptr, m_count);
}

void TrayIndicator::recount()
{
    const int count = countUnacknowledgedUrgent(*m_queue);
    if (count == m_count)
        return;
    m_count = count;
    m_icon = paintIcon(count);
    if (m_tray) {
        m_tray->setIcon(m_icon);
        m_tray->setToolTip(toolTip());
    }
    Q_EMIT countChanged(count);
}

bool TrayIndicator::notify(const QString &title, const QString &message, bool critical)
{
    if (!m_tray || !QSystemTrayIcon::supportsMessages())
        return false;
    m_tray->showMessage(title, message, critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Warning,
                        critical ? 20'000 : 10'000);
    return true;
}

QIcon TrayIndicator::paintIcon(int count)
{
    // Painted rather than loaded: the number is part of the picture, and a tray shows
    // 16–24 px, where a plain disc and two digits read best.
    QIcon icon;
    for (int size : { 16, 22, 32, 64 }) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        const qreal s = size;
        if (count > 0) {
            painter.setBrush(QColor(0xd3, 0x2f, 0x2f));
            painter.drawEllipse(QRectF(0, 0, s, s));
            QFont font = painter.font();
            font.setBold(true);
            font.setPixelSize(int(s * (count > 99 ? 0.42 : (count > 9 ? 0.55 : 0.7))));
            painter.setFont(font);
            painter.setPen(Qt::white);
            const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
            painter.drawText(QRectF(0, 0, s, s), Qt::AlignCenter, text);
        } else {
            // A crescent moon on night blue: the night shift's console, all quiet.
            painter.setBrush(QColor(0x3f, 0x51, 0xb5));
            painter.drawEllipse(QRectF(0.5, 0.5, s - 1, s - 1));
            QPainterPath moon;
            moon.addEllipse(QRectF(s * 0.18, s * 0.18, s * 0.62, s * 0.62));
            QPainterPath bite;
            bite.addEllipse(QRectF(s * 0.36, s * 0.08, s * 0.56, s * 0.56));
            painter.setBrush(QColor(0xff, 0xe0, 0x82));
            painter.drawPath(moon.subtracted(bite));
        }
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace nocturne::ui
