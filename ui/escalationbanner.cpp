#include "escalationbanner.h"

#include "alertrules.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

#include <algorithm>

namespace nocturne::ui {

namespace {

// Worst first: higher priority, then breach over escalation over threshold, then newest.
bool worse(const core::SlaAlert &a, const core::SlaAlert &b)
{
    if (a.priority != b.priority)
        return a.priority < b.priority;
    if (AlertRules::severity(a) != AlertRules::severity(b))
        return AlertRules::severity(a) > AlertRules::severity(b);
    return a.at > b.at;
}

} // namespace

EscalationBanner::EscalationBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_more(new QLabel(this))
    , m_show(new QPushButton(tr("&Show"), this))
    , m_dismiss(new QToolButton(this))
    , m_dismissAll(new QToolButton(this))
{
    setObjectName(QStringLiteral("escalationBanner"));
    setAutoFillBackground(true);
    m_text->setObjectName(QStringLiteral("escalationBannerText"));
    m_text->setTextFormat(Qt::PlainText);
    // An escalation's rule can be long: the label elides it (full text in the tooltip)
    // rather than widening the window.
    m_text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_text->installEventFilter(this);
    m_more->setObjectName(QStringLiteral("escalationBannerMore"));
    m_show->setObjectName(QStringLiteral("escalationBannerShow"));
    m_show->setToolTip(tr("Select this incident in the queue"));
    m_dismiss->setObjectName(QStringLiteral("escalationBannerDismiss"));
    m_dismiss->setText(tr("Dismiss"));
    m_dismiss->setToolTip(tr("Dismiss this alert"));
    m_dismissAll->setObjectName(QStringLiteral("escalationBannerDismissAll"));
    m_dismissAll->setText(tr("Dismiss all"));
    QFont bold = m_text->font();
    bold.setBold(true);
    m_text->setFont(bold);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(20, 20));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_more);
    layout->addWidget(m_show);
    layout->addWidget(m_dismiss);
    layout->addWidget(m_dismissAll);

    connect(m_show, &QPushButton::clicked, this, [this] {
        if (const core::SlaAlert *alert = current()) {
            const QString id = alert->incidentId;
            dismissCurrent();
            Q_EMIT showIncidentRequested(id);
        }
    });
    connect(m_dismiss, &QToolButton::clicked, this, &EscalationBanner::dismissCurrent);
    connect(m_dismissAll, &QToolButton::clicked, this, &EscalationBanner::dismissAll);
    refresh();
}

EscalationBanner::~EscalationBanner() = default;

void EscalationBanner::addAlerts(const core::SlaAlerts &alerts)
{
    bool changed = false;
    for (const core::SlaAlert &alert : alerts) {
        if (!AlertRules::showsBanner(alert))
            continue;
        m_pending.removeIf([&](const core::SlaAlert &a) { return a.incidentId == alert.incidentId; });
        m_pending.append(alert);
        changed = true;
    }
    if (!changed)
        return;
    std::stable_sort(m_pending.begin(), m_pending.end(), worse);
    refresh();
}

bool EscalationBanner::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_text && event->type() == QEvent::Resize)
        elideText();
    return QFrame::eventFilter(watched, event);
}

void EscalationBanner::elideText()
{
    m_text->setText(m_text->fontMetrics().elidedText(text(), Qt::ElideRight, std::max(40, m_text->width())));
}

QString EscalationBanner::text() const
{
    return current() ? AlertRules::describe(*current()) : QString();
}

QString EscalationBanner::moreText() const
{
    return m_pending.size() > 1 ? tr("+%n more", nullptr, int(m_pending.size() - 1)) : QString();
}

void EscalationBanner::dismissCurrent()
{
    if (m_pending.isEmpty())
        return;
    m_pending.removeFirst();
    refresh();
}

void EscalationBanner::dismissAll()
{
    m_pending.clear();
    refresh();
}

void EscalationBanner::refresh()
{
    const core::SlaAlert *alert = current();
    setVisible(alert != nullptr);
    if (!alert)
        return;
    m_text->setToolTip(text());
    elideText();
    m_more->setText(moreText());
    m_more->setVisible(m_pending.size() > 1);
    m_dismissAll->setVisible(m_pending.size() > 1);
    // A breach is red; the rest is amber. The text stays legible on either.
    const bool breach = alert->kind == core::SlaAlert::Kind::Breach;
    setStyleSheet(breach ? QStringLiteral("#escalationBanner { background: #c62828; }"
                                          " #escalationBanner QLabel { color: white; }")
                         : QStringLiteral("#escalationBanner { background: #ffb74d; }"
                                          " #escalationBanner QLabel { color: #212121; }"));
}

} // namespace nocturne::ui
