#include "drilldownbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace nocturne::ui {

DrillDownBar::DrillDownBar(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_back(new QPushButton(tr("◀ Back to dashboard"), this))
    , m_close(new QPushButton(tr("Show the saved queue"), this))
{
    setObjectName(QStringLiteral("drillDownBar"));
    setStyleSheet(QStringLiteral(
        "QFrame#drillDownBar { background: #e3f2fd; border-bottom: 1px solid #90caf9; }"
        " QFrame#drillDownBar QLabel { color: #0d47a1; }"));
    m_title->setObjectName(QStringLiteral("drillDownTitle"));
    QFont font = m_title->font();
    font.setBold(true);
    m_title->setFont(font);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_back->setObjectName(QStringLiteral("drillDownBack"));
    m_close->setObjectName(QStringLiteral("drillDownClose"));
    m_close->setToolTip(tr("Leave the drill-down and show the queue chosen in the sidebar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_back);
    layout->addWidget(m_title, 1);
    layout->addWidget(m_close);
    connect(m_back, &QPushButton::clicked, this, &DrillDownBar::backToDashboardRequested);
    connect(m_close, &QPushButton::clicked, this, &DrillDownBar::closeRequested);
    setVisible(false);
}

DrillDownBar::~DrillDownBar() = default;

void DrillDownBar::showTitle(const QString &title)
{
    m_title->setText(title);
    setVisible(true);
}

QString DrillDownBar::title() const
{
    return m_title->text();
}

} // namespace nocturne::ui
