#pragma once

#include <QDialog>

#include <core/import/importresult.h>

class QComboBox;
class QLabel;
class QLineEdit;

namespace nocturne::ui {

// Asks what to import: the export file, how its dates are written (a list of common
// formats, editable; "source default" tries the importer's own list) and the time zone
// of dates without an offset. Accepting checks the options; it does not import.
class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    ImportDialog(const QString &source, QWidget *parent = nullptr);

    QString filePath() const;
    core::ImportOptions options() const;
    void setFilePath(const QString &path);

    void accept() override;

private:
    void browse();

    QString m_source;
    QLineEdit *m_file;
    QComboBox *m_dateFormat;
    QComboBox *m_zone;
    QLabel *m_error;
};

} // namespace nocturne::ui
