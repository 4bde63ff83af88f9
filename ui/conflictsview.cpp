#include "conflictsview.h"

#include <models/conflictsmodel.h>

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace nocturne::ui {

ConflictsView::ConflictsView(models::ConflictsModel *model, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_dismiss(new QPushButton(tr("&Dismiss"), this))
    , m_retry(new QPushButton(tr("&Retry"), this))
{
    setObjectName(QStringLiteral("conflictsView"));
    setWindowTitle(tr("Sync conflicts"));
    m_summary->setObjectName(QStringLiteral("conflictsSummary"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("conflictsTable"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(models::ConflictColumn::Reason, QHeaderView::Stretch);
    m_dismiss->setObjectName(QStringLiteral("dismissConflict"));
    m_dismiss->setToolTip(tr("Take the selected conflicts off this list. The events stay in the incident's history."));
    m_retry->setObjectName(QStringLiteral("retryConflict"));
    m_retry->setToolTip(tr("Offer the selected events to the server again (after a role change, for example)."));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_retry, QDialogButtonBox::ActionRole);
    buttons->addButton(m_dismiss, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_dismiss, &QPushButton::clicked, this, [this] {
        for (const QString &id : selectedEventIds())
            Q_EMIT dismissRequested(id);
    });
    connect(m_retry, &QPushButton::clicked, this, [this] {
        for (const QString &id : selectedEventIds())
            Q_EMIT retryRequested(id);
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString incidentId = index.data(models::ConflictRole::IncidentId).toString();
        if (!incidentId.isEmpty())
            Q_EMIT showIncidentRequested(incidentId);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ConflictsView::updateButtons);
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(model, signal, this, &ConflictsView::updateButtons);
    connect(model, &QAbstractItemModel::modelReset, this, &ConflictsView::updateButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(900, 360);
    updateButtons();
}

ConflictsView::~ConflictsView() = default;

QStringList ConflictsView::selectedEventIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids << index.data(models::ConflictRole::EventId).toString();
    return ids;
}

void ConflictsView::updateButtons()
{
    const int count = m_model->rowCount();
    QString summary = tr("No conflicts: the server accepted every change made here.");
    if (count == 1)
        summary = tr("One change made here was refused by the server, or made invalid by a merge. It is kept in "
                     "the incident's history; nothing was dropped.");
    else if (count > 1)
        summary = tr("%1 changes made here were refused by the server, or made invalid by a merge. They are kept "
                     "in the incidents' history; nothing was dropped.")
                      .arg(count);
    m_summary->setText(summary);
    const bool selected = m_table->selectionModel()->hasSelection();
    m_dismiss->setEnabled(selected);
    m_retry->setEnabled(selected);
}

} // namespace nocturne::ui
