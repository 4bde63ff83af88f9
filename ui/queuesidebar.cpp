#include "queuesidebar.h"

#include <models/queuecolumns.h>
#include <models/savedqueuesmodel.h>

#include <QLocale>
#include <QPainter>
#include <QStyledItemDelegate>

namespace nocturne::ui {

namespace {

// Draws the queue name with its count right-aligned, like a mail client's folders.
class CountDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString count = QLocale().toString(index.data(models::SavedQueueRole::Count).toInt());
        const int countWidth = opt.fontMetrics.horizontalAdvance(count) + 16;
        QStyledItemDelegate::paint(painter, opt, index);
        painter->save();
        const QRect countRect = opt.rect.adjusted(opt.rect.width() - countWidth, 0, -8, 0);
        painter->setPen(opt.state & QStyle::State_Selected ? opt.palette.color(QPalette::HighlightedText)
                                                           : opt.palette.color(QPalette::PlaceholderText));
        painter->drawText(countRect, Qt::AlignRight | Qt::AlignVCenter, count);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(std::max(size.height(), option.fontMetrics.height() + 12));
        return size;
    }
};

} // namespace

QueueSidebar::QueueSidebar(models::SavedQueuesModel *model, QWidget *parent)
    : QListView(parent)
{
    setObjectName(QStringLiteral("savedQueues"));
    setModel(model);
    setItemDelegate(new CountDelegate(this));
    setEditTriggers(NoEditTriggers);
    setSelectionMode(SingleSelection);
    setUniformItemSizes(true);
    setMinimumWidth(170);
    setCurrentQueue(models::SavedQueue::AllOpen);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_showingNoQueue = false;
                if (current.isValid())
                    Q_EMIT queueChosen(models::SavedQueuesModel::queueAt(current.row()));
            });
    // The current row does not change when the highlighted-before queue is clicked again.
    connect(this, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        if (m_showingNoQueue && index.isValid()) {
            m_showingNoQueue = false;
            Q_EMIT queueChosen(models::SavedQueuesModel::queueAt(index.row()));
        }
    });
}

void QueueSidebar::showNoQueue()
{
    m_showingNoQueue = true;
    clearSelection();
}

QueueSidebar::~QueueSidebar() = default;

models::SavedQueue QueueSidebar::currentQueue() const
{
    return models::SavedQueuesModel::queueAt(std::max(0, currentIndex().row()));
}

void QueueSidebar::setCurrentQueue(models::SavedQueue queue)
{
    m_showingNoQueue = false;
    // Selects it as well: after showNoQueue() the current row is kept but not highlighted.
    setCurrentIndex(model()->index(models::SavedQueuesModel::rowOf(queue), 0));
}

} // namespace nocturne::ui
