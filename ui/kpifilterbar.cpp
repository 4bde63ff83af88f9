#include "kpifilterbar.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimeZone>

#include <core/domain/clock.h>
#include <core/domain/labels.h>

namespace nocturne::ui {

namespace {

constexpr core::Domain AllDomains[]
    = { core::Domain::Warehouse, core::Domain::Retail, core::Domain::Finance, core::Domain::It };

qint64 startOfDay(QDate date, const QTimeZone &zone)
{
    return QDateTime(date, QTime(0, 0), zone).toMSecsSinceEpoch();
}

} // namespace

KpiFilterBar::KpiFilterBar(const core::Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_period(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_priority(new QComboBox(this))
    , m_domain(new QComboBox(this))
    , m_service(new QComboBox(this))
    , m_site(new QComboBox(this))
    , m_group(new QComboBox(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
{
    m_period->setObjectName(QStringLiteral("kpiPeriod"));
    m_period->addItem(tr("Last 7 days"), int(Period::Last7Days));
    m_period->addItem(tr("Last 30 days"), int(Period::Last30Days));
    m_period->addItem(tr("Last 90 days"), int(Period::Last90Days));
    m_period->addItem(tr("This month"), int(Period::ThisMonth));
    m_period->addItem(tr("Custom"), int(Period::Custom));
    m_period->setCurrentIndex(1);
    for (QDateEdit *edit : { m_from, m_to }) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    }
    m_from->setObjectName(QStringLiteral("kpiFrom"));
    m_to->setObjectName(QStringLiteral("kpiTo"));
    m_priority->setObjectName(QStringLiteral("kpiPriority"));
    m_priority->addItem(tr("All priorities"), 0);
    for (int p = 1; p <= 5; ++p)
        m_priority->addItem(core::priorityLabel(p), p);
    m_domain->setObjectName(QStringLiteral("kpiDomain"));
    m_domain->addItem(tr("All domains"), -1);
    for (core::Domain domain : AllDomains)
        m_domain->addItem(core::domainLabel(domain), int(domain));
    m_service->setObjectName(QStringLiteral("kpiService"));
    m_site->setObjectName(QStringLiteral("kpiSite"));
    m_group->setObjectName(QStringLiteral("kpiGroup"));
    refill(m_service, tr("All services"), {});
    refill(m_site, tr("All sites"), {});
    refill(m_group, tr("All groups"), {});
    for (QComboBox *box : { m_service, m_site, m_group })
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_refresh->setObjectName(QStringLiteral("kpiRefresh"));
    m_refresh->setToolTip(tr("Compute the KPIs again from the database"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Period:"), this));
    layout->addWidget(m_period);
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(tr("to"), this));
    layout->addWidget(m_to);
    layout->addSpacing(12);
    for (QComboBox *box : { m_priority, m_domain, m_service, m_site, m_group })
        layout->addWidget(box);
    layout->addStretch(1);
    layout->addWidget(m_refresh);

    updateDates();
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        updateDates();
        Q_EMIT queryChanged();
    });
    for (QDateEdit *edit : { m_from, m_to }) {
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (!m_updating && period() == Period::Custom)
                Q_EMIT queryChanged();
        });
    }
    for (QComboBox *box : { m_priority, m_domain, m_service, m_site, m_group }) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_updating)
                Q_EMIT queryChanged();
        });
    }
    connect(m_refresh, &QPushButton::clicked, this, &KpiFilterBar::refreshRequested);
}

KpiFilterBar::~KpiFilterBar() = default;

KpiFilterBar::Period KpiFilterBar::period() const
{
    return static_cast<Period>(m_period->currentData().toInt());
}

void KpiFilterBar::setPeriod(Period period)
{
    m_period->setCurrentIndex(m_period->findData(int(period)));
}

void KpiFilterBar::setCustomRange(QDate from, QDate to)
{
    m_updating = true;
    m_from->setDate(from);
    m_to->setDate(to);
    m_updating = false;
    if (period() != Period::Custom)
        setPeriod(Period::Custom); // emits queryChanged()
    else
        Q_EMIT queryChanged();
}

void KpiFilterBar::setPriority(int priority)
{
    m_priority->setCurrentIndex(std::max(0, m_priority->findData(priority)));
}

void KpiFilterBar::updateDates()
{
    const Period p = period();
    const bool custom = p == Period::Custom;
    m_from->setEnabled(custom);
    m_to->setEnabled(custom);
    if (custom)
        return;
    const QDate today
        = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), QTimeZone::systemTimeZone()).date();
    QDate from = today;
    switch (p) {
    case Period::Last7Days:
        from = today.addDays(-6);
        break;
    case Period::Last30Days:
        from = today.addDays(-29);
        break;
    case Period::Last90Days:
        from = today.addDays(-89);
        break;
    case Period::ThisMonth:
        from = QDate(today.year(), today.month(), 1);
        break;
    case Period::Custom:
        break;
    }
    m_updating = true;
    m_from->setDate(from);
    m_to->setDate(p == Period::ThisMonth ? from.addMonths(1).addDays(-1) : today);
    m_updating = false;
}

core::KpiQuery KpiFilterBar::query() const
{
    const QTimeZone zone = QTimeZone::systemTimeZone();
    core::KpiQuery q;
    QDate from = m_from->date();
    QDate to = m_to->date();
    if (to < from)
        std::swap(from, to);
    q.fromUtcMs = startOfDay(from, zone);
    q.toUtcMs = startOfDay(to.addDays(1), zone);
    q.timeZone = zone.id();
    if (const int p = m_priority->currentData().toInt(); p > 0)
        q.filter.priorities = { p };
    if (const int d = m_domain->currentData().toInt(); d >= 0)
        q.filter.domains = { static_cast<core::Domain>(d) };
    if (m_service->currentIndex() > 0)
        q.filter.services = { m_service->currentText() };
    if (m_site->currentIndex() > 0)
        q.filter.sites = { m_site->currentText() };
    if (m_group->currentIndex() > 0)
        q.filter.groups = { m_group->currentText() };
    return q;
}

void KpiFilterBar::refill(QComboBox *box, const QString &allText, const QStringList &names)
{
    const QString current = box->currentIndex() > 0 ? box->currentText() : QString();
    box->clear();
    box->addItem(allText);
    QStringList sorted = names;
    sorted.sort(Qt::CaseInsensitive);
    sorted.removeDuplicates();
    box->addItems(sorted);
    box->setCurrentIndex(std::max(0, box->findText(current)));
}

void KpiFilterBar::setReference(const core::ReferenceSnapshot &reference)
{
    QStringList services, sites, groups;
    for (const core::Service &s : reference.services)
        services << s.name;
    for (const core::Site &s : reference.sites)
        sites << s.name;
    for (const core::Group &g : reference.groups)
        groups << g.name;
    m_updating = true;
    refill(m_service, tr("All services"), services);
    refill(m_site, tr("All sites"), sites);
    refill(m_group, tr("All groups"), groups);
    m_updating = false;
}

} // namespace nocturne::ui
