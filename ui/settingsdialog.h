#pragma once

#include "alertrules.h"

#include <QDialog>

class QCheckBox;
class QGroupBox;
class QTimeEdit;

namespace nocturne::ui {

// The console's preferences: alert sounds on or off, and quiet hours (a nightly window
// in local time in which minor SLA alerts keep quiet). Saves to ConsoleSettings when
// accepted.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)
public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    ~SettingsDialog() override;

    bool soundEnabled() const;
    QuietHours quietHours() const;

    void accept() override;

private:
    QCheckBox *m_sound;
    QGroupBox *m_quiet;
    QTimeEdit *m_quietStart;
    QTimeEdit *m_quietEnd;
};

} // namespace nocturne::ui
