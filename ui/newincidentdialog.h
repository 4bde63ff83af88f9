#pragma once

#include "payloaddialog.h"

#include <core/storage/referencesnapshot.h>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace nocturne::ui {

// Opens an incident. The priority is not chosen but computed from impact and urgency
// through the database's priority matrix, and shown as they change so the operator
// sees what the queue will say before pressing OK.
class NewIncidentDialog final : public PayloadDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewIncidentDialog)
public:
    NewIncidentDialog(const core::ReferenceSnapshot &reference, QWidget *parent);
    ~NewIncidentDialog() override;

    QJsonObject payload() const override;
    // 0 until impact and urgency are both chosen.
    int computedPriority() const;

protected:
    QString validationMessage() const override;

private:
    void fillConfigurationItems();
    void updatePriority();
    QComboBox *levelBox(const QString &objectName);

    core::ReferenceSnapshot m_reference;
    QLineEdit *m_title;
    QPlainTextEdit *m_description;
    QComboBox *m_service;
    QComboBox *m_configurationItem;
    QComboBox *m_site;
    QComboBox *m_impact;
    QComboBox *m_urgency;
    QLabel *m_priority;
    QComboBox *m_group;
    QComboBox *m_channel;
};

} // namespace nocturne::ui
