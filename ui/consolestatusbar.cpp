#include "consolestatusbar.h"

#include "syncstatusindicator.h"

#include <core/domain/clock.h>

#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QTimer>

namespace nocturne::ui {

ConsoleStatusBar::ConsoleStatusBar(const core::Clock &clock, QWidget *parent)
    : QStatusBar(parent)
    , m_clock(clock)
    , m_database(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_sync(new SyncStatusIndicator(clock, this))
    , m_clockLabel(new QLabel(this))
    , m_timer(new QTimer(this))
{
    m_database->setObjectName(QStringLiteral("statusDatabase"));
    m_counts->setObjectName(QStringLiteral("statusCounts"));
    m_clockLabel->setObjectName(QStringLiteral("statusClock"));
    addPermanentWidget(m_database);
    addPermanentWidget(m_counts);
    addPermanentWidget(m_sync);
    addPermanentWidget(m_clockLabel);
    connect(m_timer, &QTimer::timeout, this, &ConsoleStatusBar::tick);
    m_timer->start(1000);
    tick();
}

ConsoleStatusBar::~ConsoleStatusBar() = default;

void ConsoleStatusBar::setDatabase(const QString &path)
{
    m_database->setText(tr("Database: %1").arg(QDir::toNativeSeparators(path)));
    m_database->setToolTip(QDir::toNativeSeparators(path));
}

void ConsoleStatusBar::setCounts(int shown, int open)
{
    const QLocale locale;
    m_counts->setText(tr("%1 shown · %2 open").arg(locale.toString(shown), locale.toString(open)));
}

void ConsoleStatusBar::tick()
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), Qt::LocalTime);
    m_clockLabel->setText(now.toString(QStringLiteral("ddd yyyy-MM-dd HH:mm:ss t")));
}

} // namespace nocturne::ui
