#include "newincidentdialog.h"

#include <core/domain/labels.h>
#include <models/queueformat.h>

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace nocturne::ui {

NewIncidentDialog::NewIncidentDialog(const core::ReferenceSnapshot &reference, QWidget *parent)
    : PayloadDialog(tr("New incident"),
                    tr("Describe what is wrong. The priority follows from impact and urgency."), parent)
    , m_reference(reference)
    , m_title(new QLineEdit(this))
    , m_description(new QPlainTextEdit(this))
    , m_service(new QComboBox(this))
    , m_configurationItem(new QComboBox(this))
    , m_site(new QComboBox(this))
    , m_impact(levelBox(QStringLiteral("impact")))
    , m_urgency(levelBox(QStringLiteral("urgency")))
    , m_priority(new QLabel(this))
    , m_group(new QComboBox(this))
    , m_channel(new QComboBox(this))
{
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setPlaceholderText(tr("e.g. Sorter S2 jam at induction, throughput down"));
    m_title->setMinimumWidth(420);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(80);
    m_service->setObjectName(QStringLiteral("service"));
    m_service->addItem(tr("Choose a service…"), QString());
    for (const core::Service &s : m_reference.services)
        m_service->addItem(s.name, s.name);
    m_configurationItem->setObjectName(QStringLiteral("configurationItem"));
    m_site->setObjectName(QStringLiteral("site"));
    m_site->addItem(tr("(none)"), QString());
    for (const core::Site &s : m_reference.sites)
        m_site->addItem(s.timeZone.isEmpty() ? s.name : tr("%1 (%2)").arg(s.name, s.timeZone), s.name);
    m_priority->setObjectName(QStringLiteral("computedPriority"));
    m_group->setObjectName(QStringLiteral("assignmentGroup"));
    m_group->addItem(tr("(triage later)"), QString());
    for (const core::Group &g : m_reference.groups)
        m_group->addItem(g.name, g.name);
    m_channel->setObjectName(QStringLiteral("channel"));
    for (core::Channel c : { core::Channel::Phone, core::Channel::Email, core::Channel::Portal, core::Channel::Chat,
                             core::Channel::Monitoring })
        m_channel->addItem(core::channelLabel(c), core::toName(c));

    form()->addRow(tr("&Title:"), m_title);
    form()->addRow(tr("&Description:"), m_description);
    form()->addRow(tr("&Service:"), m_service);
    form()->addRow(tr("Configuration &item:"), m_configurationItem);
    form()->addRow(tr("Si&te:"), m_site);
    form()->addRow(tr("&Impact:"), m_impact);
    form()->addRow(tr("&Urgency:"), m_urgency);
    form()->addRow(tr("Priority:"), m_priority);
    form()->addRow(tr("Assignment &group:"), m_group);
    form()->addRow(tr("&Channel:"), m_channel);

    connect(m_title, &QLineEdit::textChanged, this, &NewIncidentDialog::revalidate);
    connect(m_service, &QComboBox::currentIndexChanged, this, [this] {
        fillConfigurationItems();
        revalidate();
    });
    for (QComboBox *box : { m_impact, m_urgency }) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            updatePriority();
            revalidate();
        });
    }
    fillConfigurationItems();
    updatePriority();
    revalidate();
}

NewIncidentDialog::~NewIncidentDialog() = default;

QComboBox *NewIncidentDialog::levelBox(const QString &objectName)
{
    auto *box = new QComboBox(this);
    box->setObjectName(objectName);
    box->addItem(tr("Choose…"), 0);
    box->addItem(tr("1 - High"), 1);
    box->addItem(tr("2 - Medium"), 2);
    box->addItem(tr("3 - Low"), 3);
    return box;
}

void NewIncidentDialog::fillConfigurationItems()
{
    const QString service = m_service->currentData().toString();
    m_configurationItem->clear();
    m_configurationItem->addItem(tr("(none)"), QString());
    for (const core::ConfigurationItem &ci : m_reference.configurationItems) {
        if (service.isEmpty() || ci.service == service)
            m_configurationItem->addItem(ci.site.isEmpty() ? ci.name : tr("%1 at %2").arg(ci.name, ci.site), ci.name);
    }
}

int NewIncidentDialog::computedPriority() const
{
    return m_reference.priorityMatrix.priorityFor(m_impact->currentData().toInt(), m_urgency->currentData().toInt());
}

void NewIncidentDialog::updatePriority()
{
    const int priority = computedPriority();
    if (priority == 0) {
        m_priority->setText(tr("Choose impact and urgency"));
        m_priority->setStyleSheet({});
        return;
    }
    m_priority->setText(core::priorityLabel(priority));
    m_priority->setStyleSheet(QStringLiteral("font-weight: bold; color: %1;").arg(models::priorityColor(priority).name()));
}

QString NewIncidentDialog::validationMessage() const
{
    QStringList problems;
    if (m_title->text().trimmed().isEmpty())
        problems << tr("Enter a title.");
    if (m_service->currentData().toString().isEmpty())
        problems << tr("Choose the affected service.");
    if (m_impact->currentData().toInt() == 0)
        problems << tr("Choose the impact.");
    if (m_urgency->currentData().toInt() == 0)
        problems << tr("Choose the urgency.");
    return problems.join(QLatin1Char(' '));
}

QJsonObject NewIncidentDialog::payload() const
{
    const QString service = m_service->currentData().toString();
    QString domain;
    for (const core::Service &s : m_reference.services) {
        if (s.name == service)
            domain = s.domain;
    }
    QJsonObject p { { QStringLiteral("title"), m_title->text().trimmed() },
                    { QStringLiteral("description"), m_description->toPlainText().trimmed() },
                    { QStringLiteral("service"), service },
                    { QStringLiteral("ci"), m_configurationItem->currentData().toString() },
                    { QStringLiteral("site"), m_site->currentData().toString() },
                    { QStringLiteral("impact"), m_impact->currentData().toInt() },
                    { QStringLiteral("urgency"), m_urgency->currentData().toInt() },
                    { QStringLiteral("assignment_group"), m_group->currentData().toString() },
                    { QStringLiteral("channel"), m_channel->currentData().toString() } };
    if (!domain.isEmpty())
        p.insert(QStringLiteral("domain"), domain);
    return p;
}

} // namespace nocturne::ui
