#pragma once

#include <QDialog>
#include <QJsonObject>

class QDialogButtonBox;
class QFormLayout;
class QLabel;

namespace nocturne::ui {

// The frame every action dialog shares: a heading naming the incidents, a form, a
// validation line that says what is missing, and OK enabled only when valid. The
// result is the payload of the command, named as in the event payloads.
class PayloadDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PayloadDialog)
public:
    PayloadDialog(const QString &title, const QString &heading, QWidget *parent);
    ~PayloadDialog() override;

    virtual QJsonObject payload() const = 0;

protected:
    QFormLayout *form() const { return m_form; }
    // Subclasses call this whenever an input changes: an empty message means valid.
    void setValidationMessage(const QString &message);
    virtual QString validationMessage() const { return {}; }
    void revalidate() { setValidationMessage(validationMessage()); }

private:
    QFormLayout *m_form;
    QLabel *m_validation;
    QDialogButtonBox *m_buttons;
};

} // namespace nocturne::ui
