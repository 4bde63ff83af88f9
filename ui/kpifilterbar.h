#pragma once

#include <QWidget>

#include <core/engine/kpiquery.h>
#include <core/storage/referencesnapshot.h>

class QComboBox;
class QDateEdit;
class QPushButton;

namespace nocturne::core {
class Clock;
}

namespace nocturne::ui {

// The dashboard's filters: the period (last 7 / 30 / 90 days, this month, or custom
// dates, all in the user's time zone) and one priority, domain, service, site and group
// (or all). query() turns them into a KpiQuery; any change says so at once.
class KpiFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KpiFilterBar)
public:
    enum class Period { Last7Days, Last30Days, Last90Days, ThisMonth, Custom };

    KpiFilterBar(const core::Clock &clock, QWidget *parent = nullptr);
    ~KpiFilterBar() override;

    // Whole local days: [first day 00:00, day after the last 00:00) in the system zone.
    core::KpiQuery query() const;
    void setPeriod(Period period);
    Period period() const;
    // Custom dates (switches the period to Custom).
    void setCustomRange(QDate from, QDate to);
    // Offers the names of the reference data; keeps the current choices where they remain.
    void setReference(const core::ReferenceSnapshot &reference);
    void setPriority(int priority); // 0: all

    QPushButton *refreshButton() const { return m_refresh; }

Q_SIGNALS:
    void queryChanged();
    void refreshRequested();

private:
    void updateDates();
    static void refill(QComboBox *box, const QString &allText, const QStringList &names);

    const core::Clock &m_clock;
    QComboBox *m_period;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_priority;
    QComboBox *m_domain;
    QComboBox *m_service;
    QComboBox *m_site;
    QComboBox *m_group;
    QPushButton *m_refresh;
    bool m_updating = false;
};

} // namespace nocturne::ui
