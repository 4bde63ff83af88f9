#include "historybuilder.h"

#include "../domain/incidentfold.h"
#include "csvreader.h"
#include "importdates.h"
#include "importids.h"

#include <QCoreApplication>

namespace nocturne::core {

HistoryBuilder::HistoryBuilder(QString source, QString number, QString incidentId)
    : m_source(std::move(source))
    , m_number(std::move(number))
    , m_incidentId(std::move(incidentId))
    , m_node(QStringLiteral("import-") + m_source)
{ }

bool HistoryBuilder::add(EventKind kind, qint64 at, const QString &actor,
    const QJsonObject &payload, const QString &step)
{
    Event e;
    e.kind = kind;
    e.incidentId = m_incidentId;
    e.payload = payload;
    e.actor = actor.isEmpty() ? m_source : actor;
    e.originNode = m_node;
    e.occurredAt = at;
    // Strictly increasing: the fold must replay the source's order, not the times'.
    const qint64 wall = std::max(at, m_lastHlc.wallMs);
    e.hlc = HlcTimestamp { wall,
        wall == m_lastHlc.wallMs && !m_events.isEmpty() ? m_lastHlc.counter + 1 : 0, m_node };
    e.id = importEventId(m_source, m_number, step, m_idTime ? m_idTime : at);

    Incident next = m_current;
    if (!applyEvent(next, e)) {
        ++m_dropped;
        return false;
    }
    m_current = next;
    m_lastHlc = e.hlc;
    m_lastTime = std::max(m_lastTime, at);
    m_events << e;
    return true;
}

void HistoryBuilder::moveTo(const Transition &t, const QString &stepPrefix)
{
    using S = IncidentState;
    int k = 0;
    const auto step
        = [&]() -> QString { return stepPrefix + QLatin1Char('s') + QString::number(k++); };
    const auto stateChange = [&](IncidentState state, HoldReason reason = HoldReason::None) {
        QJsonObject p { { QStringLiteral("state"), toName(state) } };
        if (reason != HoldReason::None)
            p.insert(QStringLiteral("hold_reason"), toName(reason));
        add(EventKind::StateChanged, t.at, t.actor, p, step());
    };
    const auto resolve = [&]() {
        add(EventKind::Resolved, t.resolvedAt ? t.resolvedAt : t.at,
            t.resolvedBy.isEmpty() ? t.actor : t.resolvedBy,
            { { QStringLiteral("code"),
                t.resolutionCode.isEmpty() ? QStringLiteral("Resolved") : t.resolutionCode } },
            step());
    };
    const S state = m_current.state;
    switch (t.target) {
    case S::New:
        break; // back to New is not a transition we have: ignored
    case S::InProgress:
        if (state == S::New)
            add(EventKind::Acknowledged, t.at, t.actor, {}, step());
        else if (state == S::OnHold)
            stateChange(S::InProgress);
        else if (state == S::Resolved)
            add(EventKind::Reopened, t.at, t.actor, {}, step());
        break;
    case S::OnHold:
        if (state == S::OnHold && m_current.holdReason == t.reason)
            break;
        if (state == S::New)
            add(EventKind::Acknowledged, t.at, t.actor, {}, step());
        else if (state == S::OnHold)
            stateChange(S::InProgress);
        else if (state == S::Resolved)
            add(EventKind::Reopened, t.at, t.actor, {}, step());
        if (m_current.state == S::InProgress)
            stateChange(S::OnHold, t.reason);
        break;
    case S::Resolved:
        if (m_current.isOpen())
            resolve();
        break;
    case S::Closed:
        if (m_current.isOpen())
            resolve();
        if (m_current.state == S::Resolved)
            add(EventKind::Closed, t.closedAt ? t.closedAt : t.at, t.actor, {}, step());
        break;
    case S::Cancelled:
        if (m_current.isOpen())
            stateChange(S::Cancelled);
        break;
    }
}

ColumnMap::ColumnMap(const QStringList &header)
{
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed();
        m_names << name;
        m_byName[name.toLower()] << i;
    }
}

int ColumnMap::indexOf(QStringView name) const
{
    const auto it = m_byName.constFind(name.toString().toLower());
    return it == m_byName.cend() ? -1 : it->first();
}

QList<int> ColumnMap::indexesOf(QStringView name) const
{
    return m_byName.value(name.toString().toLower());
}

QString cell(const QStringList &fields, int index)
{
    if (index < 0 || index >= fields.size())
        return {};
    const QString &v = fields.at(index);
    return ImportDates::isNull(v) ? QString() : v.trimmed();
}

} // namespace nocturne::core

namespace nocturne::core {

bool readExport(QIODevice *device, ImportPlan *plan,
    const std::function<bool(const QStringList &)> &onHeader,
    const std::function<void(const CsvRecord &, qint64)> &onRow, const ImportProgress &progress,
    const CancelFlag *cancel)
{
    const qint64 totalBytes = device->isSequential() ? 0 : device->size();
    CsvReader reader(device);
    CsvRecord record;
    qint64 row = 0;
    int headerSize = 0;
    qint64 lastReported = 0;
    for (;;) {
        const CsvReader::Status status = reader.next(&record);
        if (status == CsvReader::Status::End)
            break;
        if (status == CsvReader::Status::Fatal) {
            if (row <= 1) {
                plan->fatal = reader.errorString();
                plan->fatalLine = reader.errorLine();
                return false;
            }
            plan->skipped << SkippedRow { row + 1, reader.errorLine(), reader.errorString() };
            break;
        }
        ++row;
        if (status == CsvReader::Status::BadRecord) {
            if (row == 1) {
                plan->fatal = reader.errorString();
                plan->fatalLine = reader.errorLine();
                return false;
            }
            ++plan->rowsRead;
            plan->skipped << SkippedRow { row, reader.errorLine(), reader.errorString() };
            continue;
        }
        if (row == 1) {
            headerSize = int(record.fields.size());
            if (!onHeader(record.fields))
                return false;
            continue;
        }
        // A blank line is no row (exports often end with one).
        if (record.fields.size() == 1 && record.fields.first().trimmed().isEmpty()) {
            --row;
            continue;
        }
        ++plan->rowsRead;
        if (record.fields.size() != headerSize) {
            plan->skipped << SkippedRow { row, record.line,
                QCoreApplication::translate("Import", "the row has %1 fields, the header %2")
                    .arg(record.fields.size())
                    .arg(headerSize) };
            continue;
        }
        onRow(record, row);
        if (progress && reader.bytesRead() - lastReported >= 1'000'000) {
            lastReported = reader.bytesRead();
            progress(ImportPhase::Reading, lastReported, totalBytes);
        }
        if (cancel && cancel->load())
            return false;
    }
    if (row == 0) {
        plan->fatal = QCoreApplication::translate(
            "Import", "line 1: the file is empty; an export starts with a header row");
        plan->fatalLine = 1;
        return false;
    }
    if (progress)
        progress(ImportPhase::Reading, totalBytes, totalBytes);
    return true;
}

} // namespace nocturne::core
