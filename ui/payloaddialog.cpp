#include "payloaddialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace nocturne::ui {

PayloadDialog::PayloadDialog(const QString &title, const QString &heading, QWidget *parent)
    : QDialog(parent)
    , m_form(new QFormLayout)
    , m_validation(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *headingLabel = new QLabel(heading, this);
    headingLabel->setWordWrap(true);
    QFont font = headingLabel->font();
    font.setBold(true);
    headingLabel->setFont(font);
    layout->addWidget(headingLabel);
    layout->addLayout(m_form);
    m_validation->setObjectName(QStringLiteral("validationMessage"));
    m_validation->setWordWrap(true);
    m_validation->setStyleSheet(QStringLiteral("color: #c62828;"));
    layout->addWidget(m_validation);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

PayloadDialog::~PayloadDialog() = default;

void PayloadDialog::setValidationMessage(const QString &message)
{
    m_validation->setText(message);
    m_validation->setVisible(!message.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(message.isEmpty());
}

} // namespace nocturne::ui
