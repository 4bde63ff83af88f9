#include "importdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

#include <core/import/importwriter.h>

namespace nocturne::ui {

ImportDialog::ImportDialog(const QString &source, QWidget *parent)
    : QDialog(parent)
    , m_source(source)
    , m_file(new QLineEdit(this))
    , m_dateFormat(new QComboBox(this))
    , m_zone(new QComboBox(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(source == u"jira" ? tr("Import from Jira") : tr("Import from ServiceNow"));
    m_file->setObjectName(QStringLiteral("importFile"));
    auto *browseButton = new QPushButton(tr("Browse…"), this);
    connect(browseButton, &QPushButton::clicked, this, &ImportDialog::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browseButton);

    // The data role holds the format; the first entry leaves the importer's own list.
    m_dateFormat->setObjectName(QStringLiteral("importDateFormat"));
    m_dateFormat->setEditable(true);
    m_dateFormat->addItem(tr("Source default"), QString());
    for (const char *format :
        { "d/M/yyyy HH:mm", "M/d/yyyy h:mm AP", "dd/MMM/yy h:mm AP", "yyyy-MM-dd HH:mm:ss", "ISO" })
        m_dateFormat->addItem(QString::fromLatin1(format), QString::fromLatin1(format));
    m_dateFormat->setToolTip(
        tr("Qt date format: d day, M month, MMM month name, yy/yyyy year, H/h hour, m minute, "
           "s second, AP AM/PM; \"ISO\" for ISO 8601"));

    m_zone->setObjectName(QStringLiteral("importTimeZone"));
    m_zone->setEditable(true);
    m_zone->addItem(QStringLiteral("UTC"));
    const QByteArray local = QTimeZone::systemTimeZoneId();
    if (!local.isEmpty() && local != "UTC")
        m_zone->addItem(QString::fromUtf8(local));

    m_error->setObjectName(QStringLiteral("importError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(link)"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Export file:"), fileRow);
    form->addRow(tr("Dates written as:"), m_dateFormat);
    form->addRow(tr("Time zone of the dates:"), m_zone);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ImportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

QString ImportDialog::filePath() const
{
    return m_file->text().trimmed();
}

void ImportDialog::setFilePath(const QString &path)
{
    m_file->setText(path);
}

core::ImportOptions ImportDialog::options() const
{
    core::ImportOptions options;
    const QString typed = m_dateFormat->currentText().trimmed();
    const int index = m_dateFormat->findText(typed);
    const QString format = index >= 0 ? m_dateFormat->itemData(index).toString() : typed;
    if (!format.isEmpty())
        options.dateFormats = { format };
    const QString zone = m_zone->currentText().trimmed();
    options.timeZone = zone == u"UTC" ? QString() : zone;
    return options;
}

void ImportDialog::accept()
{
    QString problem;
    if (filePath().isEmpty() || !QFileInfo(filePath()).isFile())
        problem = tr("Choose an export file that exists.");
    else
        problem = core::importOptionsError(options());
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        return;
    }
    QDialog::accept();
}

void ImportDialog::browse()
{
    // Not the static helper: it would spin a nested event loop on the GUI thread.
    auto *chooser = new QFileDialog(this, windowTitle(), QFileInfo(filePath()).absolutePath(),
        tr("CSV exports (*.csv);;All files (*)"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(QFileDialog::ExistingFile);
    connect(chooser, &QFileDialog::fileSelected, this, &ImportDialog::setFilePath);
    chooser->open();
}

} // namespace nocturne::ui
