#include "actiondialogs.h"

#include <core/domain/labels.h>

#include <QComboBox>
#include <QFormLayout>
#include <QPlainTextEdit>

namespace nocturne::ui {

using core::HoldReason;

namespace {

QPlainTextEdit *textBox(QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setTabChangesFocus(true);
    edit->setMinimumWidth(360);
    edit->setFixedHeight(90);
    return edit;
}

} // namespace

HoldDialog::HoldDialog(const QString &heading, QWidget *parent)
    : PayloadDialog(tr("Put on hold"), heading, parent)
    , m_reason(new QComboBox(this))
    , m_note(textBox(this))
{
    for (HoldReason r : { HoldReason::AwaitingCaller, HoldReason::AwaitingVendor, HoldReason::AwaitingChange,
                          HoldReason::AwaitingProblem })
        m_reason->addItem(core::holdReasonLabel(r), core::toName(r));
    m_reason->setObjectName(QStringLiteral("holdReason"));
    form()->addRow(tr("&Reason:"), m_reason);
    form()->addRow(tr("&Note:"), m_note);
    revalidate();
}

HoldDialog::~HoldDialog() = default;

QJsonObject HoldDialog::payload() const
{
    QJsonObject p { { QStringLiteral("hold_reason"), m_reason->currentData().toString() } };
    if (const QString note = m_note->toPlainText().trimmed(); !note.isEmpty())
        p.insert(QStringLiteral("reason"), note);
    return p;
}

ResolveDialog::ResolveDialog(const QString &heading, QWidget *parent)
    : PayloadDialog(tr("Resolve"), heading, parent)
    , m_code(new QComboBox(this))
    , m_notes(textBox(this))
{
    m_code->setEditable(true);
    m_code->setObjectName(QStringLiteral("resolutionCode"));
    // The codes the demo catalogue and most service desks use; any other may be typed.
    // Codes are data shared by every replica and report, so they are not translated.
    for (const char *code : { "", "Restarted", "Configuration changed", "Software fix", "Hardware repaired",
                              "Hardware replaced", "Vendor fix", "Rolled back", "Failover", "Workaround applied",
                              "Not reproducible", "Duplicate" })
        m_code->addItem(QString::fromLatin1(code));
    m_notes->setObjectName(QStringLiteral("resolutionNotes"));
    form()->addRow(tr("Resolution &code:"), m_code);
    form()->addRow(tr("&Notes:"), m_notes);
    connect(m_code, &QComboBox::currentTextChanged, this, &ResolveDialog::revalidate);
    revalidate();
}

ResolveDialog::~ResolveDialog() = default;

QString ResolveDialog::validationMessage() const
{
    return m_code->currentText().trimmed().isEmpty() ? tr("Choose or type a resolution code.") : QString();
}

QJsonObject ResolveDialog::payload() const
{
    return { { QStringLiteral("code"), m_code->currentText().trimmed() },
             { QStringLiteral("notes"), m_notes->toPlainText().trimmed() } };
}

AssignDialog::AssignDialog(const QString &heading, const core::ReferenceSnapshot &reference,
                           const QString &currentGroup, QWidget *parent)
    : PayloadDialog(tr("Assign"), heading, parent)
    , m_reference(reference)
    , m_group(new QComboBox(this))
    , m_assignee(new QComboBox(this))
{
    m_group->setObjectName(QStringLiteral("assignmentGroup"));
    m_assignee->setObjectName(QStringLiteral("assignee"));
    for (const core::Group &g : m_reference.groups)
        m_group->addItem(g.name);
    if (const int i = m_group->findText(currentGroup); i >= 0)
        m_group->setCurrentIndex(i);
    form()->addRow(tr("&Group:"), m_group);
    form()->addRow(tr("&Assignee:"), m_assignee);
    connect(m_group, &QComboBox::currentTextChanged, this, [this] {
        fillAssignees();
        revalidate();
    });
    fillAssignees();
    revalidate();
}

AssignDialog::~AssignDialog() = default;

void AssignDialog::fillAssignees()
{
    m_assignee->clear();
    m_assignee->addItem(tr("(anyone in the group)"), QString());
    for (const core::User &u : m_reference.users) {
        if (u.group == m_group->currentText())
            m_assignee->addItem(u.displayName.isEmpty() ? u.name : tr("%1 (%2)").arg(u.displayName, u.name), u.name);
    }
}

QString AssignDialog::validationMessage() const
{
    return m_group->currentText().isEmpty() ? tr("Choose an assignment group.") : QString();
}

QJsonObject AssignDialog::payload() const
{
    return { { QStringLiteral("group"), m_group->currentText() },
             { QStringLiteral("assignee"), m_assignee->currentData().toString() } };
}

NoteDialog::NoteDialog(const QString &title, const QString &heading, const QString &label, QString payloadKey,
                       bool required, QWidget *parent)
    : PayloadDialog(title, heading, parent)
    , m_key(std::move(payloadKey))
    , m_required(required)
    , m_text(textBox(this))
{
    m_text->setObjectName(QStringLiteral("noteText"));
    form()->addRow(label, m_text);
    connect(m_text, &QPlainTextEdit::textChanged, this, &NoteDialog::revalidate);
    revalidate();
}

NoteDialog::~NoteDialog() = default;

QString NoteDialog::validationMessage() const
{
    return m_required && m_text->toPlainText().trimmed().isEmpty() ? tr("Enter some text.") : QString();
}

QJsonObject NoteDialog::payload() const
{
    const QString text = m_text->toPlainText().trimmed();
    return text.isEmpty() ? QJsonObject() : QJsonObject { { m_key, text } };
}

} // namespace nocturne::ui
