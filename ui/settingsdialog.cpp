#include "settingsdialog.h"

#include "consolesettings.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace nocturne::ui {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_sound(new QCheckBox(tr("Play a &sound for SLA alerts"), this))
    , m_quiet(new QGroupBox(tr("&Quiet hours"), this))
    , m_quietStart(new QTimeEdit(m_quiet))
    , m_quietEnd(new QTimeEdit(m_quiet))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    const ConsoleSettings settings;
    m_sound->setObjectName(QStringLiteral("alertSound"));
    m_sound->setChecked(settings.alertSoundEnabled());
    auto *soundNote = new QLabel(tr("P1 alerts repeat every few seconds and P2 alerts every twenty until the "
                                    "incident is acknowledged; other alerts sound once."),
                                 this);
    soundNote->setWordWrap(true);

    const QuietHours quiet = settings.quietHours();
    m_quiet->setObjectName(QStringLiteral("quietHours"));
    m_quiet->setCheckable(true);
    m_quiet->setChecked(quiet.enabled);
    for (QTimeEdit *edit : { m_quietStart, m_quietEnd })
        edit->setDisplayFormat(QStringLiteral("HH:mm"));
    m_quietStart->setObjectName(QStringLiteral("quietHoursStart"));
    m_quietEnd->setObjectName(QStringLiteral("quietHoursEnd"));
    m_quietStart->setTime(quiet.start);
    m_quietEnd->setTime(quiet.end);
    auto *form = new QFormLayout(m_quiet);
    form->addRow(tr("&From:"), m_quietStart);
    form->addRow(tr("&Until:"), m_quietEnd);
    auto *quietNote = new QLabel(tr("In these hours (your local time) P3–P5 threshold alerts neither notify "
                                    "nor sound. P1 alerts and breaches always do."),
                                 m_quiet);
    quietNote->setWordWrap(true);
    form->addRow(quietNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_sound);
    layout->addWidget(soundNote);
    layout->addWidget(m_quiet);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(420, sizeHint().height());
}

SettingsDialog::~SettingsDialog() = default;

bool SettingsDialog::soundEnabled() const
{
    return m_sound->isChecked();
}

QuietHours SettingsDialog::quietHours() const
{
    return { m_quiet->isChecked(), m_quietStart->time(), m_quietEnd->time() };
}

void SettingsDialog::accept()
{
    ConsoleSettings settings;
    settings.setAlertSoundEnabled(soundEnabled());
    settings.setQuietHours(quietHours());
    QDialog::accept();
}

} // namespace nocturne::ui
