#include "queueview.h"

#include <models/queuecolumns.h>
#include <models/queuefilterproxy.h>

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace nocturne::ui {

namespace Col = models::QueueColumn;

QueueView::QueueView(models::QueueFilterProxy *proxy, QWidget *parent)
    : QWidget(parent)
    , m_proxy(proxy)
    , m_filter(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_emptyState(new QLabel(m_table->viewport()))
    , m_countdown(new QTimer(this))
{
    m_filter->setObjectName(QStringLiteral("queueFilter"));
    m_filter->setPlaceholderText(tr("Filter by number, title, service, CI, site or assignee"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &models::QueueFilterProxy::setText);
    connect(m_filter, &QLineEdit::textChanged, this, &QueueView::updateEmptyState);

    m_table->setObjectName(QStringLiteral("queueTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    // Uniform rows: a 100k-row table must not measure each row.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);

    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setSortIndicator(Col::Priority, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    const std::pair<int, int> widths[] = { { Col::Number, 100 }, { Col::Priority, 120 }, { Col::Title, 340 },
                                           { Col::State, 150 }, { Col::Service, 140 }, { Col::ConfigurationItem, 130 },
                                           { Col::Site, 160 }, { Col::AssignmentGroup, 150 }, { Col::Assignee, 110 },
                                           { Col::Opened, 130 }, { Col::Age, 70 }, { Col::Updated, 130 },
                                           { Col::ResponseSla, 130 }, { Col::ResolutionSla, 150 },
                                           { Col::BreachRisk, 90 } };
    for (const auto &[column, width] : widths)
        header->resizeSection(column, width);
    // A first run shows what a triage needs; the rest is one right-click away. The
    // countdowns sit right after the priority: they decide what to work on next.
    for (int column : { Col::ConfigurationItem, Col::AssignmentGroup, Col::Updated })
        header->setSectionHidden(column, true);
    header->moveSection(header->visualIndex(Col::ResolutionSla), header->visualIndex(Col::Priority) + 1);
    header->moveSection(header->visualIndex(Col::ResponseSla), header->visualIndex(Col::Priority) + 1);
    header->moveSection(header->visualIndex(Col::BreachRisk), header->visualIndex(Col::ResolutionSla) + 1);
    connect(header, &QHeaderView::customContextMenuRequested, this, &QueueView::showHeaderMenu);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &QueueView::selectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &QueueView::onCurrentChanged);
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_proxy, signal, this, &QueueView::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &QueueView::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &QueueView::updateEmptyState);

    m_emptyState->setObjectName(QStringLiteral("queueEmptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setStyleSheet(QStringLiteral("color: palette(mid); font-size: 11pt; padding: 24px;"));
    m_table->viewport()->installEventFilter(this);

    // The SLA cells derive their text and colour from the clock in data(): the model
    // emits nothing as time passes, so a repaint is all a countdown needs, and it only
    // costs the visible rows (a dataChanged per row per second would cost all 100k).
    m_countdown->setObjectName(QStringLiteral("countdownTimer"));
    connect(m_countdown, &QTimer::timeout, m_table->viewport(), qOverload<>(&QWidget::update));
    m_countdown->start(1000);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_table);
    updateEmptyState();
}

QueueView::~QueueView() = default;

bool QueueView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        m_emptyState->setGeometry(m_table->viewport()->rect());
    return QWidget::eventFilter(watched, event);
}

QByteArray QueueView::headerState() const
{
    return m_table->horizontalHeader()->saveState();
}

bool QueueView::restoreHeaderState(const QByteArray &state)
{
    return !state.isEmpty() && m_table->horizontalHeader()->restoreState(state);
}

void QueueView::showHeaderMenu(const QPoint &pos)
{
    QHeaderView *header = m_table->horizontalHeader();
    // popup(), not exec(): no nested event loop on the GUI thread.
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const int visible = header->count() - header->hiddenSectionCount();
    for (int column = 0; column < Col::Count; ++column) {
        QAction *action = menu->addAction(m_proxy->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The last visible column cannot be hidden: an empty table cannot be fixed from its header.
        action->setEnabled(header->isSectionHidden(column) || visible > 1);
        connect(action, &QAction::toggled, header, [header, column](bool on) { header->setSectionHidden(column, !on); });
    }
    menu->popup(header->viewport()->mapToGlobal(pos));
}

QList<core::QueueEntry> QueueView::selectedEntries() const
{
    QList<core::QueueEntry> out;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    out.reserve(rows.size());
    for (const QModelIndex &index : rows)
        out << m_proxy->entryAt(index.row());
    return out;
}

QString QueueView::currentIncidentId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_proxy->incidentIdAt(current.row()) : QString();
}

bool QueueView::selectIncident(const QString &incidentId)
{
    const int row = m_proxy->rowOfIncident(incidentId);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->index(row, Col::Number);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void QueueView::onCurrentChanged()
{
    const QString id = currentIncidentId();
    if (id == m_lastCurrentId)
        return;
    m_lastCurrentId = id;
    Q_EMIT currentIncidentChanged(id);
}

void QueueView::rememberScrollAnchor()
{
    // The row at the top edge, whatever the style's scroll mode (per item or per pixel).
    const int top = m_table->rowAt(0);
    m_anchorId = (top > 0 && top < m_proxy->rowCount()) ? m_proxy->incidentIdAt(top) : QString();
}

void QueueView::restoreScrollAnchor()
{
    if (!m_anchorId.isEmpty()) {
        const int row = m_proxy->rowOfIncident(m_anchorId);
        if (row >= 0)
            m_table->scrollTo(m_proxy->index(row, 0), QAbstractItemView::PositionAtTop);
    }
    // A live change can re-sort the current incident; the detail pane follows it.
    onCurrentChanged();
}

void QueueView::setCountdownInterval(int ms)
{
    m_countdown->start(ms);
}

void QueueView::setLoading(bool loading)
{
    m_loading = loading;
    updateEmptyState();
}

void QueueView::updateEmptyState()
{
    const bool empty = m_proxy->rowCount() == 0;
    if (m_loading)
        m_emptyState->setText(tr("Opening the incident queue…"));
    else if (!m_filter->text().trimmed().isEmpty())
        m_emptyState->setText(tr("No incident in this queue matches “%1”.").arg(m_filter->text().trimmed()));
    else
        m_emptyState->setText(tr("This queue is empty: no incident needs attention here.\n"
                                 "Nocturne shows new incidents as soon as they are recorded."));
    m_emptyState->setGeometry(m_table->viewport()->rect());
    m_emptyState->setVisible(empty);
}

} // namespace nocturne::ui
