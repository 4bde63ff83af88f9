#pragma once

#include "payloaddialog.h"

#include <core/storage/referencesnapshot.h>

class QComboBox;
class QPlainTextEdit;

namespace nocturne::ui {

// Put on hold: one of the hold reasons the SLA clock understands, and an optional note.
class HoldDialog final : public PayloadDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HoldDialog)
public:
    HoldDialog(const QString &heading, QWidget *parent);
    ~HoldDialog() override;
    QJsonObject payload() const override;

private:
    QComboBox *m_reason;
    QPlainTextEdit *m_note;
};

// Resolve: a resolution code (pick or type) and notes for whoever reads it later.
class ResolveDialog final : public PayloadDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResolveDialog)
public:
    ResolveDialog(const QString &heading, QWidget *parent);
    ~ResolveDialog() override;
    QJsonObject payload() const override;

protected:
    QString validationMessage() const override;

private:
    QComboBox *m_code;
    QPlainTextEdit *m_notes;
};

// Assign: a group and, optionally, one of its people.
class AssignDialog final : public PayloadDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssignDialog)
public:
    AssignDialog(const QString &heading, const core::ReferenceSnapshot &reference, const QString &currentGroup,
                 QWidget *parent);
    ~AssignDialog() override;
    QJsonObject payload() const override;

protected:
    QString validationMessage() const override;

private:
    void fillAssignees();

    core::ReferenceSnapshot m_reference;
    QComboBox *m_group;
    QComboBox *m_assignee;
};

// A free text for comments, and the reason for a cancellation or a reopen.
class NoteDialog final : public PayloadDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteDialog)
public:
    NoteDialog(const QString &title, const QString &heading, const QString &label, QString payloadKey,
               bool required, QWidget *parent);
    ~NoteDialog() override;
    QJsonObject payload() const override;

protected:
    QString validationMessage() const override;

private:
    QString m_key;
    bool m_required;
    QPlainTextEdit *m_text;
};

} // namespace nocturne::ui
