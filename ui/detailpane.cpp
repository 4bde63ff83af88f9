#include "detailpane.h"

#include "slapanel.h"

#include <core/domain/labels.h>
#include <models/queuecolumns.h>
#include <models/queueformat.h>
#include <models/timelinemodel.h>

#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace nocturne::ui {

namespace {

QString orDash(const QString &value)
{
    return value.isEmpty() ? QStringLiteral("—") : value;
}

QString timeOrDash(qint64 ms)
{
    return ms > 0 ? core::formatLocalTime(ms) : QStringLiteral("—");
}

} // namespace

DetailPane::DetailPane(models::TimelineModel *timeline, const core::Clock &clock, const QList<QAction *> &actions,
                       QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_heading(new QLabel(this))
    , m_priority(new QLabel(this))
    , m_description(new QLabel(this))
    , m_sla(new SlaPanel(clock, this))
    , m_timeline(new QTableView(this))
{
    setObjectName(QStringLiteral("detailPane"));
    auto *empty = new QLabel(tr("Select an incident in the queue to see its details, its history and what "
                                "you can do next.\n\nUse Ctrl+F to filter the queue, Ctrl+N to open a new incident."),
                             this);
    empty->setObjectName(QStringLiteral("detailEmptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setStyleSheet(QStringLiteral("color: palette(mid); font-size: 11pt; padding: 24px;"));
    m_stack->addWidget(empty);

    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setModel(timeline);
    m_stack->addWidget(buildDetails(actions));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    showEmpty();
}

DetailPane::~DetailPane() = default;

QLabel *DetailPane::addField(QFormLayout *form, const QString &label, const QString &key)
{
    auto *value = new QLabel(this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    value->setObjectName(key);
    form->addRow(label, value);
    m_fields.insert(key, value);
    return value;
}

QWidget *DetailPane::buildDetails(const QList<QAction *> &actions)
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);

    m_heading->setObjectName(QStringLiteral("detailHeading"));
    m_heading->setWordWrap(true);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    layout->addWidget(m_heading);
    m_priority->setObjectName(QStringLiteral("detailPriority"));
    layout->addWidget(m_priority);

    // Buttons for the same QActions as the menus: one enabled state, one shortcut.
    auto *buttons = new QGridLayout;
    buttons->setSpacing(4);
    for (int i = 0; i < actions.size(); ++i) {
        auto *button = new QToolButton(page);
        button->setDefaultAction(actions.at(i));
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        buttons->addWidget(button, i / 4, i % 4);
    }
    layout->addLayout(buttons);

    auto *fields = new QHBoxLayout;
    auto *left = new QFormLayout;
    auto *right = new QFormLayout;
    for (QFormLayout *form : { left, right })
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addField(left, tr("State:"), QStringLiteral("state"));
    addField(left, tr("Service:"), QStringLiteral("service"));
    addField(left, tr("CI:"), QStringLiteral("configurationItem"));
    addField(left, tr("Site:"), QStringLiteral("site"));
    addField(left, tr("Group:"), QStringLiteral("assignmentGroup"));
    addField(left, tr("Assignee:"), QStringLiteral("assignee"));
    addField(left, tr("Reporter:"), QStringLiteral("reporter"));
    addField(right, tr("Channel:"), QStringLiteral("channel"));
    addField(right, tr("Opened:"), QStringLiteral("openedAt"));
    addField(right, tr("Acknowledged:"), QStringLiteral("acknowledgedAt"));
    addField(right, tr("Resolved:"), QStringLiteral("resolvedAt"));
    addField(right, tr("Resolution:"), QStringLiteral("resolution"));
    addField(right, tr("Category:"), QStringLiteral("category"));
    addField(right, tr("Impact/urgency:"), QStringLiteral("impactUrgency"));
    fields->addLayout(left, 1);
    fields->addLayout(right, 1);
    layout->addLayout(fields);

    m_description->setObjectName(QStringLiteral("detailDescription"));
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_description);
    layout->addWidget(m_sla);

    auto *timelineTitle = new QLabel(tr("Timeline"), page);
    QFont titleFont = timelineTitle->font();
    titleFont.setBold(true);
    timelineTitle->setFont(titleFont);
    layout->addWidget(timelineTitle);
    m_timeline->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Histories are short: rows grow to show a whole comment instead of clipping it.
    m_timeline->setWordWrap(true);
    m_timeline->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_timeline->setShowGrid(false);
    m_timeline->setAlternatingRowColors(true);
    m_timeline->verticalHeader()->hide();
    m_timeline->horizontalHeader()->setStretchLastSection(true);
    m_timeline->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_timeline->horizontalHeader()->resizeSection(models::TimelineColumn::Occurred, 118);
    m_timeline->horizontalHeader()->resizeSection(models::TimelineColumn::Recorded, 118);
    m_timeline->horizontalHeader()->resizeSection(models::TimelineColumn::Kind, 100);
    m_timeline->horizontalHeader()->resizeSection(models::TimelineColumn::Actor, 80);
    m_timeline->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_timeline, 1);
    return page;
}

void DetailPane::setField(const QString &key, const QString &value)
{
    if (QLabel *label = m_fields.value(key))
        label->setText(orDash(value));
}

void DetailPane::showIncident(const core::Incident &i)
{
    const bool sameIncident = i.id == m_incident.id;
    m_incident = i;
    m_heading->setText(tr("%1  %2").arg(i.number, i.title));
    m_priority->setText(core::priorityLabel(i.priority));
    m_priority->setStyleSheet(
        QStringLiteral("font-weight: bold; color: %1;").arg(models::priorityColor(i.priority).name()));
    setField(QStringLiteral("state"), core::stateWithReasonLabel(i.state, i.holdReason));
    setField(QStringLiteral("service"), i.service);
    setField(QStringLiteral("configurationItem"), i.configurationItem);
    setField(QStringLiteral("site"), i.site);
    setField(QStringLiteral("assignmentGroup"), i.assignmentGroup);
    setField(QStringLiteral("assignee"), i.assignee);
    setField(QStringLiteral("reporter"), i.reporter);
    setField(QStringLiteral("channel"), core::channelLabel(i.channel));
    setField(QStringLiteral("openedAt"), timeOrDash(i.openedAt));
    setField(QStringLiteral("acknowledgedAt"), timeOrDash(i.acknowledgedAt));
    setField(QStringLiteral("resolvedAt"), timeOrDash(i.resolvedAt));
    setField(QStringLiteral("resolution"), i.resolutionNotes.isEmpty()
                                               ? i.resolutionCode
                                               : tr("%1 — %2").arg(i.resolutionCode, i.resolutionNotes));
    setField(QStringLiteral("category"),
             i.subcategory.isEmpty() ? i.category : tr("%1 / %2").arg(i.category, i.subcategory));
    setField(QStringLiteral("impactUrgency"), tr("%1 / %2").arg(i.impact).arg(i.urgency));
    m_description->setText(i.description);
    m_description->setVisible(!i.description.isEmpty());
    m_stack->setCurrentIndex(1);
    if (!sameIncident) {
        m_timeline->scrollToBottom();
        m_sla->showLoading(i.id);
    }
}

void DetailPane::showSla(const QString &incidentId, const QString &policyName,
                         const QList<core::SlaClockStatus> &clocks)
{
    if (incidentId == m_incident.id)
        m_sla->showClocks(incidentId, policyName, clocks);
}

void DetailPane::showEmpty()
{
    m_incident = {};
    m_sla->showLoading({});
    m_stack->setCurrentIndex(0);
}

} // namespace nocturne::ui
